import { beforeAll, describe, expect, it } from 'vitest';
import { COMMUTE_ATTR, COMMUTE_SPAN } from '../../sim/commute';
import { createRandom } from '../../sim/random';
import { installGlobalContext } from '../../telemetry/global-context';
import { makeDataset, parseDatasets } from './datasets';

const END = 1_767_600_000_000;

beforeAll(() => installGlobalContext());

describe('seeded datasets', () => {
  it('reads data-dataset words, keeping known ones in order', () => {
    expect(parseDatasets('commute matchmaker commute nope')).toEqual(['commute', 'matchmaker']);
    expect(parseDatasets(undefined)).toEqual(['matchmaker', 'commute']);
    expect(parseDatasets('bootcamp')).toEqual(['bootcamp']);
  });

  it('makes a morning of matchmaker traffic, the same for the same seed, ending before the given time', async () => {
    const t = performance.now();
    const a = await makeDataset('matchmaker', createRandom('s'), END);
    console.log('matchmaker', a.length, performance.now() - t);
    const b = await makeDataset('matchmaker', createRandom('s'), END);
    expect(a.length).toBeGreaterThan(3_000);
    expect(b.map((s) => s.spanId)).toEqual(a.map((s) => s.spanId));
    expect(new Set(a.map((s) => s.serviceName))).toEqual(new Set(['web', 'taster']));
    expect(a.some((s) => s.status.code === 'ERROR')).toBe(true);
    expect(Math.max(...a.map((s) => s.endMs))).toBeLessThan(END);
  });

  it('makes five mornings of 200 commuters, some of them late', async () => {
    const t = performance.now();
    const spans = await makeDataset('commute', createRandom('s'), END);
    console.log('commute', spans.length, performance.now() - t);
    const roots = spans.filter((s) => s.name === COMMUTE_SPAN);
    expect(roots).toHaveLength(1_000);
    expect(roots.some((s) => s.attributes[COMMUTE_ATTR.late] === true)).toBe(true);
  });

  it('loads the bootcamp home feed a few times', async () => {
    const spans = await makeDataset('bootcamp', createRandom('s'), END);
    expect(new Set(spans.map((s) => s.traceId)).size).toBe(6);
    expect(new Set(spans.map((s) => s.serviceName))).toEqual(new Set(['frontend-react-js', 'backend-flask']));
  });
});

describe('an abandoned seed', () => {
  it('stops simulating once its signal aborts, and says so', async () => {
    const stop = new AbortController();
    const made = makeDataset('matchmaker', createRandom('s'), END, stop.signal);
    stop.abort();
    await expect(made).rejects.toThrow('the seeded dataset was abandoned');
  });
});
