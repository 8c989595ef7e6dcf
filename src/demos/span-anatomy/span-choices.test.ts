import { describe, expect, it } from 'vitest';
import { matchmakerHarness } from '../../../tests/factories/matchmaker-harness';
import { SPAN_CHOICES, spanChoice } from './span-choices';

describe('span choices', () => {
  it.each(SPAN_CHOICES.map((c) => [c.id, c] as const))('%s: the request makes the span, and the failure marks it', async (_id, choice) => {
    const ok = matchmakerHarness(7);
    await ok.get(choice.path);
    const span = choice.pick(ok.allSpans());
    expect(span).toBeDefined();
    expect(span!.status.code).not.toBe('ERROR');

    const bad = matchmakerHarness(7);
    bad.system.faults.set({ down: [...(choice.failure.down ?? [])], failing: [...(choice.failure.failing ?? [])] });
    await bad.get(choice.path);
    const failed = choice.pick(bad.allSpans());
    expect(failed?.status.code).toBe('ERROR');
    expect(failed?.events.some((e) => e.name === 'exception')).toBe(true);
  });

  it('falls back to the first choice for a value it does not know', () => {
    expect(spanChoice('<img>').id).toBe('web');
    expect(spanChoice('redis').id).toBe('redis');
  });
});
