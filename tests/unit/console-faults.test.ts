import { describe, expect, it } from 'vitest';
import { faultChange } from '../../src/demos/request-console/console-faults';
import { matchmakerHarness } from '../factories/matchmaker-harness';

describe('the console’s fault switches', () => {
  it('Timeout: some of web’s calls to taster give up with ETIMEDOUT on the seeded pairing, and it still answers', async () => {
    const h = matchmakerHarness(42);
    h.system.faults.set(faultChange('timeout', true, h.system.faults.current));
    const res = await h.get('/pair/beer?name=ipa');
    expect(res.status).toBe(200);
    const spans = h.store.getTrace(h.store.traceIds()[0]!);
    const timedOut = spans.filter((s) => s.name === 'GET /taste' && s.attributes['error.type'] === 'ETIMEDOUT');
    expect(timedOut.length).toBeGreaterThan(0);
    expect(timedOut.length).toBeLessThan(spans.filter((s) => s.name === 'GET /taste' && s.kind === 'CLIENT').length);
  });

  it('off again: no timeout', () => {
    const h = matchmakerHarness(42);
    h.system.faults.set(faultChange('timeout', true, h.system.faults.current));
    h.system.faults.set(faultChange('timeout', false, h.system.faults.current));
    expect(h.system.faults.current.clientTimeoutMs).toBe(0);
  });
});
