/**
 * Head sampling through the real SDK and the simulated wire: the sampled flag `web` decided travels to `taster` as
 * the last two digits of `traceparent`, a ParentBased taster follows it, and a taster with its own ratio sampler
 * leaves traces with holes (and orphans), which is why ParentBased is the default.
 */
import { describe, expect, it } from 'vitest';
import { runUntilIdle } from '../../src/sim/clock';
import type { WireEvent } from '../../src/sim/network';
import type { SamplerSpec } from '../../src/telemetry/sampling/samplers';
import { matchmakerHarness } from '../factories/matchmaker-harness';

const PAIRINGS = 60;

async function run(web: SamplerSpec, taster: SamplerSpec) {
  const h = matchmakerHarness('head', { samplers: (service) => (service === 'taster' ? taster : web) });
  const wire: WireEvent[] = [];
  h.system.network.observe((e) => wire.push(e));
  const answers = Array.from({ length: PAIRINGS }, () => h.system.send({ method: 'GET', url: 'http://web:5000/pair/beer?name=ipa', headers: {} }));
  await runUntilIdle(h.clock);
  await Promise.all(answers);
  const toTaster = wire.filter((e) => e.request.url.startsWith('http://taster'));
  const roots = new Set(h.allSpans().filter((s) => s.serviceName === 'web' && !s.parentSpanId).map((s) => s.traceId));
  const tasterTraces = new Set(h.allSpans().filter((s) => s.serviceName === 'taster').map((s) => s.traceId));
  return { h, toTaster, roots, tasterTraces };
}

describe('head sampling on the matchmaker', () => {
  it('the flag travels: -01 to taster for kept traces, -00 for dropped ones, and ParentBased follows it', async () => {
    const pb: SamplerSpec = { kind: 'parentbased', root: { kind: 'traceidratio', ratio: 0.5 } };
    const { toTaster, roots, tasterTraces } = await run(pb, pb);
    const flags = toTaster.map((e) => e.request.headers['traceparent']?.slice(-2));
    expect(flags).toContain('01');
    expect(flags).toContain('00');
    // Every call whose header says 01 belongs to a kept trace, every 00 to a dropped one.
    for (const e of toTaster) {
      const tp = e.request.headers['traceparent']!;
      expect(roots.has(tp.slice(3, 35))).toBe(tp.endsWith('-01'));
    }
    // taster kept exactly the traces web kept: whole traces.
    expect([...tasterTraces].sort()).toEqual([...roots].sort());
  });

  it('a taster with its own ratio disagrees: kept traces lose taster, and dropped ones get orphan taster spans', async () => {
    const web: SamplerSpec = { kind: 'parentbased', root: { kind: 'traceidratio', ratio: 0.5 } };
    // The spec's 56-bit rule at the same 50%: another SDK's hash, so another set of traces.
    const taster: SamplerSpec = { kind: 'probability', ratio: 0.5 };
    const { roots, tasterTraces } = await run(web, taster);
    const keptWithoutTaster = [...roots].filter((id) => !tasterTraces.has(id));
    const orphans = [...tasterTraces].filter((id) => !roots.has(id));
    expect(keptWithoutTaster.length).toBeGreaterThan(0);
    expect(orphans.length).toBeGreaterThan(0);
  });

  it('consistent probability at different ratios: every trace web keeps at 25% taster keeps at 50%, with th on the wire', async () => {
    const { toTaster, roots, tasterTraces } = await run({ kind: 'probability', ratio: 0.25 }, { kind: 'probability', ratio: 0.5 });
    expect(roots.size).toBeGreaterThan(0);
    for (const id of roots) expect(tasterTraces.has(id)).toBe(true);
    const kept = toTaster.filter((e) => e.request.headers['traceparent']?.endsWith('-01'));
    expect(kept.length).toBeGreaterThan(0);
    // web's threshold for 25%, as the spec encodes it.
    for (const e of kept) expect(e.request.headers['tracestate']).toBe('ot=th:c');
  });

  it('without samplers nothing changes: every trace is recorded', async () => {
    const h = matchmakerHarness('head-default');
    await Promise.all(Array.from({ length: 10 }, (_, i) => h.get(`/beers/ipa?i=${i}`)));
    expect(h.store.traceIds().length).toBe(10);
  });
});
