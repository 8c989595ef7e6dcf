/**
 * The OTLP preview with the real SDK: spans of one service, buffered and flushed, become the request body an
 * OTLP/HTTP exporter sends, and that body parses as OTLP/JSON with the service's resource and every span.
 *
 *   backend-flask  GET /api/activities/home (SERVER)
 *                  └── home-activities-mock-data (INTERNAL, app.result_length = 3)
 *   frontend-react-js  a span of another service: not in backend-flask's export
 */
import { context, trace } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { T0 } from '../../tests/factories/make-span';
import { installGlobalContext } from './global-context';
import { MASKED_SECRET, OtlpPreviewProcessor, type OtlpHttpRequest } from './otlp-preview';
import { SpanStore } from './span-store';
import { createTelemetry } from './telemetry';

interface OtlpBody {
  resourceSpans: Array<{
    resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
    scopeSpans: Array<{ scope: { name: string }; spans: Array<{ name: string; traceId: string; spanId: string; parentSpanId?: string; attributes: Array<{ key: string; value: Record<string, unknown> }> }> }>;
  }>;
}

describe('the OTLP preview processor', () => {
  it('turns a flushed batch into the OTLP/JSON request an exporter would send, for one service only', async () => {
    installGlobalContext();
    const sent: OtlpHttpRequest[] = [];
    const processor = new OtlpPreviewProcessor({
      endpoint: 'https://api.honeycomb.io/',
      serviceName: 'backend-flask',
      secretHeaders: ['x-honeycomb-team'],
      onRequest: (r) => sent.push(r),
    });
    const telemetry = createTelemetry({ store: new SpanStore(), extraProcessors: [processor] });
    const server = telemetry.tracerFor('backend-flask', 'opentelemetry.instrumentation.flask').startSpan('GET /api/activities/home', { startTime: T0 });
    context.with(trace.setSpan(context.active(), server), () => {
      const manual = telemetry.tracerFor('backend-flask', 'home.activities').startSpan('home-activities-mock-data', { startTime: T0 + 1 });
      manual.setAttribute('app.result_length', 3);
      manual.end(T0 + 9);
    });
    server.end(T0 + 10);
    telemetry.tracerFor('frontend-react-js').startSpan('GET /api/activities/home').end();
    expect(processor.pending).toBe(2);
    expect(sent).toHaveLength(0);

    await processor.forceFlush();
    expect(sent).toHaveLength(1);
    const req = sent[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('https://api.honeycomb.io/v1/traces');
    expect(req.headers).toEqual([['content-type', 'application/json'], ['x-honeycomb-team', MASKED_SECRET]]);
    expect(req.spanCount).toBe(2);
    expect(req.traceIds).toEqual([server.spanContext().traceId]);
    expect(req.bytes).toBeGreaterThan(100);

    const body = JSON.parse(req.body) as OtlpBody;
    expect(body.resourceSpans).toHaveLength(1);
    const [rs] = body.resourceSpans;
    expect(rs!.resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'backend-flask' } });
    const spans = rs!.scopeSpans.flatMap((s) => s.spans.map((sp) => ({ scope: s.scope.name, ...sp })));
    const manual = spans.find((s) => s.name === 'home-activities-mock-data')!;
    expect(manual.scope).toBe('home.activities');
    expect(manual.traceId).toBe(server.spanContext().traceId);
    expect(manual.parentSpanId).toBe(server.spanContext().spanId);
    expect(manual.attributes).toContainEqual({ key: 'app.result_length', value: { intValue: 3 } });
    expect(spans.map((s) => s.name).sort()).toEqual(['GET /api/activities/home', 'home-activities-mock-data']);

    // Nothing buffered, nothing sent; after shutdown, nothing is kept.
    await processor.forceFlush();
    expect(sent).toHaveLength(1);
    await telemetry.shutdown();
    telemetry.tracerFor('backend-flask').startSpan('late').end();
    expect(processor.pending).toBe(0);
  });
});
