/**
 * The hub with a stack-based context manager: the same code and seed as the working hub, and the trace really
 * breaks. The call made before the handler's first `await` keeps its parent; the one after it starts a new trace,
 * and the header still carries a context (the new, parentless one): nothing skipped injecting.
 */
import { describe, expect, it } from 'vitest';
import { createStackContextManager } from '../../telemetry/stack-context';
import { buildTraceModel } from '../../telemetry/trace-model';
import { fizzbuzzHarness } from '../../../tests/factories/fizzbuzz-harness';

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

describe('FizzBuzz with a stack-based context manager in the hub', () => {
  it('splits one request into two traces, and the answer is still right', async () => {
    const h = fizzbuzzHarness(42, { hubContext: createStackContextManager() });
    const res = await h.ask(15);
    expect(JSON.parse(res.body)).toEqual({ number: 15, result: 'FizzBuzz' });
    expect(h.store.traceCount).toBe(2);

    const [first, second] = h.store.traceIds().map((id) => buildTraceModel(h.store.getTrace(id)));
    const shape = (m: typeof first) => m!.rows.map((r) => `${r.depth} ${r.span.serviceName} ${r.span.kind} ${r.span.name}`);
    const withRoot = [first, second].find((m) => m!.rows[0]!.span.name === 'GET /fizzbuzz')!;
    const fragment = [first, second].find((m) => m !== withRoot)!;
    // Before the first await: the call to fizzer is still the request's child.
    expect(shape(withRoot)).toEqual(['0 hub SERVER GET /fizzbuzz', '1 hub CLIENT GET /fizz', '2 fizzer SERVER GET /fizz']);
    // After it: the hub's call to buzzer has no parent at all, and buzzer follows it into a trace of its own.
    expect(shape(fragment)).toEqual(['0 hub CLIENT GET /buzz', '1 buzzer SERVER GET /buzz']);
    expect(fragment.rows[0]!.span.parentSpanId).toBeUndefined();
    expect(fragment.rows[0]!.orphan).toBe(false);

    // The context was injected both times: the header to buzzer names the parentless client span's new trace.
    const toBuzzer = h.wire.find((e) => e.direction === 'request' && e.target === 'buzzer:6002')!;
    const m = TRACEPARENT.exec(toBuzzer.request.headers['traceparent'] ?? '');
    expect(m?.[1]).toBe(fragment.traceId);
    expect(m?.[2]).toBe(fragment.rows[0]!.span.spanId);
    expect(fragment.traceId).not.toBe(withRoot.traceId);
  });

  it('with manual instrumentation, loses the attributes set after the await too', async () => {
    const h = fizzbuzzHarness(42, { hubContext: createStackContextManager(), manual: true });
    await h.ask(15);
    const root = h.allSpans().find((s) => s.kind === 'SERVER' && s.serviceName === 'hub')!;
    expect(root.attributes['app.fizzbuzz.result']).toBeUndefined();
  });

  it('keeps one trace with the default (zone) context, on the same seed and timings', async () => {
    const broken = fizzbuzzHarness(42, { hubContext: createStackContextManager() });
    const whole = fizzbuzzHarness(42);
    await broken.ask(15);
    await whole.ask(15);
    expect(whole.store.traceCount).toBe(1);
    const durations = (spans: ReturnType<typeof whole.allSpans>) => spans.map((s) => `${s.name}:${(s.endMs - s.startMs).toFixed(3)}`).sort();
    expect(durations(broken.allSpans())).toEqual(durations(whole.allSpans()));
  });
});
