import { describe, expect, it } from 'vitest';
import { answeredLine, INCIDENTS, ticketHeadline } from './incidents';

describe('ticket headlines', () => {
  it('number the four tickets 1 to 4, then start again at 1', () => {
    const numbers = [1, 2, 3, 4, 5, 6].map((n) => ticketHeadline(n, INCIDENTS[(n - 1) % INCIDENTS.length]!).match(/^Ticket (\d+):/)?.[1]);
    expect(numbers).toEqual(['1', '2', '3', '4', '1', '2']);
    expect(ticketHeadline(5, INCIDENTS[0]!)).toBe(ticketHeadline(1, INCIDENTS[0]!));
  });

  it('report the root span’s duration, the number the trace shows', () => {
    expect(answeredLine(200, 'OK', 1461.6)).toBe('It answered 200 OK in 1462 ms.');
    expect(answeredLine(502, 'Bad Gateway', undefined)).toBe('It answered 502 Bad Gateway.');
  });
});
