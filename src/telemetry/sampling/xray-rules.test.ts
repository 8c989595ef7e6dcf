import { describe, expect, it } from 'vitest';
import { createRandom } from '../../sim/random';
import { CRUDDUR_RULE, createXRayFleet, DEFAULT_RULE, orderRules, parseRule, ruleMatches, type SamplingRule, wildcardMatch } from './xray-rules';

const REQ = { serviceName: 'backend-flask', method: 'GET', urlPath: '/api/activities/home', host: 'api.cruddur.com' };
const never = () => 0.999;
const always = () => 0;

describe('wildcard matching', () => {
  it('* is any run, ? one character, case-insensitive, everything else literal', () => {
    expect(wildcardMatch('*', '')).toBe(true);
    expect(wildcardMatch('/api/*', '/api/activities/home')).toBe(true);
    expect(wildcardMatch('/api/?', '/api/ab')).toBe(false);
    expect(wildcardMatch('backend-???sk', 'backend-flask')).toBe(true);
    expect(wildcardMatch('BACKEND-*', 'backend-flask')).toBe(true);
    expect(wildcardMatch('a.c', 'abc')).toBe(false);
    expect(wildcardMatch('GET', 'POST')).toBe(false);
  });
  it('a rule matches only when every field does', () => {
    expect(ruleMatches(CRUDDUR_RULE, REQ)).toBe(true);
    expect(ruleMatches(CRUDDUR_RULE, { ...REQ, serviceName: 'frontend-react-js' })).toBe(false);
    expect(ruleMatches({ ...CRUDDUR_RULE, HTTPMethod: 'POST' }, REQ)).toBe(false);
  });
});

describe('rule order', () => {
  const r = (RuleName: string, Priority: number, extra: Partial<SamplingRule> = {}): SamplingRule => ({ ...CRUDDUR_RULE, RuleName, Priority, ...extra });
  it('lower priority first, ties by name, Default last even if given first', () => {
    expect(orderRules([DEFAULT_RULE, r('b', 10), r('a', 10), r('z', 1)]).map((x) => x.RuleName)).toEqual(['z', 'a', 'b', 'Default']);
    expect(orderRules([]).map((x) => x.RuleName)).toEqual(['Default']);
  });
  it('the first matching rule decides', () => {
    const fleet = createXRayFleet({ rules: [r('home-only', 100, { URLPath: '/api/activities/home', FixedRate: 0, ReservoirSize: 0 }), CRUDDUR_RULE], hosts: ['h1'], random: always });
    expect(fleet.decide(REQ, 0).rule).toBe('home-only');
    expect(fleet.decide({ ...REQ, urlPath: '/api/other' }, 0).rule).toBe('Cruddur');
    expect(fleet.decide({ ...REQ, serviceName: 'other' }, 0).rule).toBe('Default');
  });
});

describe('reservoir per second, borrowing, fixed rate', () => {
  it('before any target a host borrows one request a second, then the fixed rate applies', () => {
    const fleet = createXRayFleet({ rules: [CRUDDUR_RULE], hosts: ['h1'], random: never });
    const vias = [0, 100, 200, 1_000, 1_500].map((t) => fleet.decide(REQ, t).via);
    expect(vias).toEqual(['borrowed', 'not sampled', 'not sampled', 'borrowed', 'not sampled']);
  });
  it('after the 10 s poll the reservoir is split among the hosts that asked: 5 over 3 hosts is 2, 2, 1', () => {
    const hosts = ['h1', 'h2', 'h3'];
    const fleet = createXRayFleet({ rules: [CRUDDUR_RULE], hosts, random: never });
    for (let i = 0; i < 9; i++) fleet.decide(REQ, 9_000 + i);
    // Poll at 10 s (the first decision set the clock at 9 s, so the first poll is at 19 s).
    const at = 19_000;
    const kept = new Map(hosts.map((h) => [h, 0]));
    for (let i = 0; i < 30; i++) {
      const d = fleet.decide(REQ, at + i);
      if (d.sampled) kept.set(d.host, kept.get(d.host)! + 1);
      expect(d.via === 'reservoir' || d.via === 'not sampled').toBe(true);
    }
    expect([...kept.values()]).toEqual([2, 2, 1]);
    expect([...fleet.stats().values()].map((m) => m.get('Cruddur')!.quota)).toEqual([2, 2, 1]);
  });
  it('beyond the reservoir, FixedRate of the rest (over many requests)', () => {
    const random = createRandom('fixed-rate').next;
    const fleet = createXRayFleet({ rules: [CRUDDUR_RULE], hosts: ['h1'], random });
    let fixed = 0;
    const n = 20_000;
    // 200 requests in each of 100 seconds: 1 borrowed a second until the poll, then 5.
    for (let i = 0; i < n; i++) if (fleet.decide(REQ, Math.floor(i / 200) * 1000 + (i % 200)).via === 'fixed rate') fixed++;
    const rest = n - 100 * 5;
    expect(Math.abs(fixed - 0.1 * rest)).toBeLessThan(5 * Math.sqrt(rest * 0.09) + 50);
  });
});

describe('parseRule', () => {
  it('reads the bootcamp JSON and refuses bad fields', () => {
    const text = JSON.stringify({ SamplingRule: CRUDDUR_RULE });
    expect(parseRule(text)).toEqual({ ok: true, rule: CRUDDUR_RULE });
    expect(parseRule('{')).toMatchObject({ ok: false });
    expect(parseRule(JSON.stringify({ SamplingRule: { FixedRate: 2 } }))).toEqual({ ok: false, message: 'FixedRate is between 0 and 1' });
    expect(parseRule(JSON.stringify({ Priority: 'high' }))).toEqual({ ok: false, message: 'Priority must be a number' });
  });
});
