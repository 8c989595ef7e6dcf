import { describe, expect, it } from 'vitest';
import type { TrafficSnapshot } from '../../sim/traffic';
import { batchLabel, formatRate, formatTrafficLine, throttleDelayMs, TRAFFIC_RATES } from './traffic-text';

const snap = (over: Partial<TrafficSnapshot>): TrafficSnapshot => ({
  sent: 0,
  answered: 0,
  failed: 0,
  inFlight: 0,
  state: 'idle',
  continuous: false,
  queued: 0,
  ratePerSecond: 20,
  ...over,
});

describe('the traffic controls text', () => {
  it('names rates per second, and per minute below one a second', () => {
    expect(TRAFFIC_RATES.map(formatRate)).toEqual(['1 per second', '5 per second', '20 per second', '50 per second']);
    expect(formatRate(2.5)).toBe('2.5 per second');
    expect(formatRate(5 / 60)).toBe('5 per minute');
    expect(formatRate(1 / 60)).toBe('1 per minute');
  });

  it('labels the batch button with its count and noun', () => {
    expect(batchLabel(100)).toBe('Send 100 requests');
    expect(batchLabel(1)).toBe('Send 1 request');
    expect(batchLabel(1000, { one: 'commuter', many: 'commuters' })).toBe('Send 1,000 commuters');
  });

  it('says what is running and counts with thousands separators', () => {
    expect(formatTrafficLine(snap({}))).toBe('No requests sent yet.');
    expect(formatTrafficLine(snap({ state: 'running', continuous: true, sent: 1204, answered: 1180, failed: 31, inFlight: 24 }))).toBe(
      'Running, 20 per second: 1,204 sent, 1,180 answered (31 failed), 24 in flight.',
    );
    expect(formatTrafficLine(snap({ state: 'paused', sent: 40, answered: 38, inFlight: 2, queued: 60 }))).toBe(
      'Paused: 40 sent, 38 answered (0 failed), 2 in flight, 60 queued.',
    );
    expect(formatTrafficLine(snap({ state: 'idle', sent: 100, answered: 100, failed: 3 }), { one: 'commuter', many: 'commuters' })).toBe(
      'Stopped: 100 sent, 100 answered (3 failed), 0 in flight.',
    );
  });

  it('throttles the live line to one update per interval', () => {
    expect(throttleDelayMs(undefined, 5_000, 1_000)).toBe(0);
    expect(throttleDelayMs(4_000, 5_000, 1_000)).toBe(0);
    expect(throttleDelayMs(4_500, 5_000, 1_000)).toBe(500);
    expect(throttleDelayMs(5_000, 5_000, 1_000)).toBe(1_000);
  });
});
