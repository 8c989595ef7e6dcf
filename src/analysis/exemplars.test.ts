import { describe, expect, it } from 'vitest';
import { ExemplarSet } from './exemplars';

const list = (s: ExemplarSet) => s.list().map((e) => `${e.traceId}${e.error ? '!' : ''}`);

describe('ExemplarSet', () => {
  it('keeps the latest few, newest first', () => {
    const s = new ExemplarSet(3);
    for (const t of ['a', 'b', 'c', 'd']) s.add(t, '1', false);
    expect(list(s)).toEqual(['d', 'c', 'b']);
  });

  it('keeps errors in preference, with one slot for the latest success', () => {
    const s = new ExemplarSet(3);
    s.add('ok1', '1', false);
    for (const t of ['e1', 'e2', 'e3', 'e4']) s.add(t, '1', true);
    s.add('ok2', '1', false);
    expect(list(s)).toEqual(['e4!', 'e3!', 'ok2']);
  });

  it('fills every slot with errors when there is no success', () => {
    const s = new ExemplarSet(2);
    for (const t of ['e1', 'e2', 'e3']) s.add(t, '1', true);
    expect(list(s)).toEqual(['e3!', 'e2!']);
  });

  it('lists a trace once, as an error if any of its spans failed', () => {
    const s = new ExemplarSet(3);
    s.add('t', '1', false);
    s.add('t', '2', false);
    s.add('t', '3', true);
    s.add('t', '4', false);
    expect(list(s)).toEqual(['t!']);
  });
});
