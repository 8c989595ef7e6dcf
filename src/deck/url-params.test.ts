import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED, readDeckParams } from './url-params';

describe('readDeckParams', () => {
  it('takes a plain seed and defaults without one', () => {
    expect(readDeckParams('?seed=7')).toEqual({ seed: '7', track: 'full', notices: [] });
    expect(readDeckParams('?seed=rehearsal-2')).toEqual({ seed: 'rehearsal-2', track: 'full', notices: [] });
    expect(readDeckParams('')).toEqual({ seed: DEFAULT_SEED, track: 'full', notices: [] });
  });

  it('refuses bad seeds with a notice and the default', () => {
    for (const bad of ['', '<script>alert(1)</script>', 'a b', 'x'.repeat(33), '\u0000', '💥']) {
      const p = readDeckParams(`?seed=${encodeURIComponent(bad)}`);
      expect(p.seed).toBe(DEFAULT_SEED);
      expect(p.notices[0]).toMatch(/^Ignored seed/);
    }
    expect(readDeckParams(`?seed=${'y'.repeat(100_000)}`).notices[0]!.length).toBeLessThan(200);
  });
});

describe('readDeckParams: track', () => {
  it('takes a known track, and refuses anything else with a notice', () => {
    expect(readDeckParams('?track=talk').track).toBe('talk');
    expect(readDeckParams('?track=onboarding&seed=9')).toMatchObject({ track: 'onboarding', seed: '9', notices: [] });
    expect(readDeckParams('?track=TALK').track).toBe('talk');
    expect(readDeckParams('?track=Workshop').track).toBe('workshop');
    for (const bad of ['', '__PROTO__', '__proto__', '<script>', 'x'.repeat(500)]) {
      const p = readDeckParams(`?track=${encodeURIComponent(bad)}`);
      expect(p.track).toBe('full');
      expect(p.notices[0]).toMatch(/^Unknown track/);
      expect(p.notices[0]!.length).toBeLessThan(200);
    }
  });
});
