import { describe, expect, it } from 'vitest';
import { makeCommute } from '../../../tests/factories/make-commute';
import { commuteHarness } from '../../../tests/factories/commute-harness';
import { COMMUTE_SPAN } from '../../sim/commute';
import type { SpanRecord } from '../../telemetry/span-record';
import { commuteValue, GROUP_KEYS, groupLateCommutes, NOT_RECORDED, spansOfDay } from './group-late';

/**
 *   a  Crosstown  late     walk · train (signal failure, 18 min) · walk (rain, 2 min)
 *   b  Crosstown  on time  walk · train · walk
 *   c  Riverside  late     walk (rain, 2 min) · bus (traffic, 9 min)
 *   d  Riverside  late     walk · bus · walk            (no delay: left too late)
 *   e  Cycle path on time  cycle (rain, 4 min)
 */
const morning = [
  ...makeCommute({
    trace: 'a',
    route: 'Crosstown',
    late: true,
    weather: 'rain',
    legs: [{ name: 'walk' }, { name: 'train Orange line', cause: 'signal failure', delay: 18 }, { name: 'walk', cause: 'rain', delay: 2 }],
  }),
  ...makeCommute({ trace: 'b', route: 'Crosstown', late: false, weather: 'sunny', leftAt: 5, legs: [{ name: 'walk' }, { name: 'train Orange line' }, { name: 'walk' }] }),
  ...makeCommute({
    trace: 'c',
    route: 'Riverside',
    late: true,
    weather: 'rain',
    leftAt: 2,
    legs: [{ name: 'walk', cause: 'rain', delay: 2 }, { name: 'bus 12', cause: 'traffic', delay: 9 }],
  }),
  ...makeCommute({ trace: 'd', route: 'Riverside', late: true, weather: 'sunny', leftAt: 20, legs: [{ name: 'walk' }, { name: 'bus 12' }, { name: 'walk' }] }),
  ...makeCommute({ trace: 'e', route: 'Cycle path', late: false, weather: 'rain', legs: [{ name: 'cycle', cause: 'rain', delay: 4 }] }),
];

const counts = (answer: ReturnType<typeof groupLateCommutes>) => answer.groups.map((g) => [g.value, g.late, g.commutes]);

describe('groupLateCommutes', () => {
  it('answers "of the people late, which route did they take?" from the spans', () => {
    const answer = groupLateCommutes(morning, 'commute.route');
    expect(answer.commutes).toBe(5);
    expect(answer.late).toBe(3);
    expect(counts(answer)).toEqual([
      ['Riverside', 2, 2],
      ['Crosstown', 1, 2],
      ['Cycle path', 0, 1],
    ]);
    // Examples to open, earliest departure first.
    expect(answer.groups[0]!.lateTraceIds).toEqual(['c'.padStart(32, '0'), 'd'.padStart(32, '0')]);
  });

  it('groups by weather at departure, from the root', () => {
    expect(counts(groupLateCommutes(morning, 'weather'))).toEqual([
      ['rain', 2, 3],
      ['sunny', 1, 2],
    ]);
  });

  it('groups by what held each commuter up most, read from the legs', () => {
    expect(counts(groupLateCommutes(morning, 'delay.cause'))).toEqual([
      ['none', 1, 2],
      ['signal failure', 1, 1],
      ['traffic', 1, 1],
      ['rain', 0, 1],
    ]);
  });

  it('counts each late commute once, whatever the key, so the groups add up', () => {
    for (const { key } of GROUP_KEYS) {
      const answer = groupLateCommutes(morning, key);
      expect(answer.groups.reduce((sum, g) => sum + g.late, 0)).toBe(answer.late);
      expect(answer.groups.reduce((sum, g) => sum + g.commutes, 0)).toBe(answer.commutes);
    }
  });

  it('leaves out commutes still on their way (no root yet), and names a missing value', () => {
    const travelling = makeCommute({ trace: 'f', route: 'Ring road', late: false }).slice(1);
    const answer = groupLateCommutes([...morning, ...travelling], 'commute.route');
    expect(answer.commutes).toBe(5);
    expect(counts(groupLateCommutes(morning, 'transit.line')).map((g) => g[0])).toEqual([NOT_RECORDED]);
    expect(groupLateCommutes([], 'commute.route')).toEqual({ key: 'commute.route', commutes: 0, late: 0, groups: [] });
  });

  it('takes the earliest leg when delays tie, and a root value over any leg', () => {
    const [root, ...legs] = makeCommute({
      trace: 'g',
      late: true,
      legs: [{ name: 'walk', cause: 'rain', delay: 3, weather: 'rain' }, { name: 'bus 12', cause: 'traffic', delay: 3, weather: 'sunny' }],
    });
    expect(commuteValue(root!, legs, 'delay.cause')).toBe('rain');
    expect(commuteValue({ ...root!, attributes: { ...root!.attributes, weather: 'cloudy' } }, legs, 'weather')).toBe('cloudy');
  });

  it('agrees with what the commuters themselves know, on a simulated morning', async () => {
    const h = commuteHarness('group-check');
    const started = h.city.runMorning(150);
    await h.settle();
    const summaries = await started.arrived;
    const answer = groupLateCommutes(h.spans(), 'commute.route');
    expect(answer.commutes).toBe(150);
    expect(answer.late).toBe(summaries.filter((s) => s.late).length);
    for (const g of answer.groups) {
      expect(g.late).toBe(summaries.filter((s) => s.late && s.route === g.value).length);
      expect(g.commutes).toBe(summaries.filter((s) => s.route === g.value).length);
    }
    const byCause = groupLateCommutes(h.spans(), 'delay.cause');
    for (const s of summaries.filter((x) => x.late)) {
      const worst = s.legs.reduce((a, b) => (b.delayMin > a.delayMin ? b : a));
      const group = byCause.groups.find((g) => g.lateTraceIds.includes(s.traceId))!;
      expect(group.value).toBe(worst.delayCause);
    }
    expect(h.spans().filter((s) => s.name === COMMUTE_SPAN)).toHaveLength(150);
  });

  it('counts only the morning asked for when the store holds two', async () => {
    const h = commuteHarness('two-mornings');
    const first = h.city.runMorning(40);
    await h.settle();
    await first.arrived;
    const second = h.city.runMorning(30);
    await h.settle();
    const summaries = await second.arrived;
    const byTrace = new Map<string, SpanRecord[]>();
    for (const s of h.spans()) byTrace.set(s.traceId, [...(byTrace.get(s.traceId) ?? []), s]);
    expect(groupLateCommutes(h.spans(), 'commute.route').commutes).toBe(70);
    expect(first.morning.day).not.toBe(second.morning.day);
    const answer = groupLateCommutes(spansOfDay(byTrace.values(), second.morning.day), 'commute.route');
    expect(answer.commutes).toBe(30);
    expect(answer.late).toBe(summaries.filter((s) => s.late).length);
  });
});
