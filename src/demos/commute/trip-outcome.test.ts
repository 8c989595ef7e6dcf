import { describe, expect, it } from 'vitest';
import type { CommuteSummary, LegSummary } from '../../sim/commute';
import { outcome } from './trip-outcome';

const leg = (name: string, delayMin: number, delayCause: LegSummary['delayCause'] = delayMin ? 'traffic' : 'none'): LegSummary => ({
  name,
  mode: 'walk',
  service: 'commuter',
  waitMin: 0,
  minutes: 10 + delayMin,
  delayCause,
  delayMin,
  weather: 'sunny',
});

const summary = (fields: Partial<CommuteSummary>): CommuteSummary => ({
  traceId: 't',
  commuter: 'c001',
  day: 'Monday',
  route: 'Crosstown',
  departureMin: 8 * 60,
  arrivalMin: 8 * 60 + 49.5,
  late: false,
  minutesLate: 0,
  delayMin: 0,
  legs: [leg('walk', 0)],
  ...fields,
});

describe('outcome', () => {
  it('says when an on-time commuter arrived and how much time was left', () => {
    expect(outcome(summary({}))).toEqual(['No delays on the way.', 'Arrived at 08:49: on time, 11 min to spare.']);
  });

  it('names the leg that lost the most minutes, and how late they were', () => {
    const legs = [leg('walk', 1.5, 'rain'), leg('train Orange line', 18.2, 'signal failure'), leg('walk', 0)];
    expect(outcome(summary({ legs, late: true, minutesLate: 7, arrivalMin: 9 * 60 + 7.2 }))).toEqual([
      'Held up 18 min by signal failure on the train Orange line.',
      'Arrived at 09:07: 7 min late.',
    ]);
  });
});
