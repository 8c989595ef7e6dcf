import { describe, expect, it } from 'vitest';
import { edgeHealth, formatMs, percent } from './edge-health';
import { EMPTY_NUMBERS, type EdgeNumbers } from './map-model';

const numbers = (n: Partial<EdgeNumbers>): EdgeNumbers => {
  const requests = n.requests ?? 100;
  const failed = (n.clientErrors ?? 0) + (n.throttled ?? 0) + (n.serverErrors ?? 0);
  return { ...EMPTY_NUMBERS, ok: requests - failed, failures: failed, ...n, requests };
};

describe('edge health, X-Ray style', () => {
  it('is idle before any request, green when all went well', () => {
    expect(edgeHealth(EMPTY_NUMBERS).health).toBe('idle');
    expect(edgeHealth(numbers({}))).toEqual({ health: 'ok', symbol: '✓', words: 'all OK' });
  });

  it('goes red on 5xx, yellow on 4xx, purple on 429, worst first', () => {
    expect(edgeHealth(numbers({ serverErrors: 30 }))).toEqual({ health: 'fault', symbol: '✕', words: '30% 5xx' });
    expect(edgeHealth(numbers({ clientErrors: 10 }))).toEqual({ health: 'error', symbol: '⚠', words: '10% 4xx' });
    expect(edgeHealth(numbers({ throttled: 10 })).health).toBe('throttle');
    expect(edgeHealth(numbers({ clientErrors: 10, serverErrors: 5 })).health).toBe('fault');
  });

  it('stays green below the threshold, but says what failed', () => {
    expect(edgeHealth(numbers({ requests: 1000, serverErrors: 1 }))).toEqual({ health: 'ok', symbol: '✓', words: '0.1% failed' });
  });

  it('formats shares and durations for labels', () => {
    expect(percent(0.123)).toBe('12%');
    expect(percent(0.004)).toBe('0.4%');
    expect(percent(0.02)).toBe('2%');
    expect(formatMs(3.24)).toBe('3.2 ms');
    expect(formatMs(41.7)).toBe('42 ms');
    expect(formatMs(1530)).toBe('1.53 s');
    expect(formatMs(2000)).toBe('2 s');
    expect(formatMs(undefined)).toBe('–');
  });
});
