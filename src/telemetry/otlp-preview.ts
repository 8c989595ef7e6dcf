/**
 * What an OTLP/HTTP exporter would send, without sending it. `OtlpPreviewProcessor` buffers one service's ended
 * spans the way a `BatchSpanProcessor` does and, when flushed, serializes the batch with the real OTLP/JSON
 * serializer (`JsonTraceSerializer` from `@opentelemetry/otlp-transformer`, the one `exporter-trace-otlp-http`
 * uses) into the request an exporter configured for Honeycomb would make: `POST {endpoint}/v1/traces`, JSON, the
 * team header. The request goes to a callback for a view to show. Nothing here touches the network: the deck works
 * offline under a CSP that forbids foreign requests, and an API key has no place on a slide.
 *
 * Why not the SDK's `BatchSpanProcessor`: it schedules a wall-clock timer (5 s) of its own, which would keep running
 * while the slide is paused and would fire at a moment no seed decides. This one exports only when told to.
 */
import type { Context } from '@opentelemetry/api';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** Shown instead of the API key: a slide is a screen many people photograph. */
export const MASKED_SECRET = '••••••';

/** One HTTP request, as an exporter would send it. */
export interface OtlpHttpRequest {
  readonly method: 'POST';
  readonly url: string;
  /** Header name and value pairs, in the order they would be written. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** The OTLP/JSON body, pretty-printed for reading (the wire carries it compact). */
  readonly body: string;
  /** The compact body's length in bytes, as `content-length` would say. */
  readonly bytes: number;
  readonly spanCount: number;
  /** Trace ids in the batch, in the order their first span ended. */
  readonly traceIds: readonly string[];
}

export interface OtlpPreviewOptions {
  /** `OTEL_EXPORTER_OTLP_ENDPOINT`: the exporter appends `/v1/traces`. */
  readonly endpoint: string;
  /** Only spans whose resource has this `service.name`: one exporter belongs to one service's SDK. */
  readonly serviceName?: string;
  /** Extra headers (`OTEL_EXPORTER_OTLP_HEADERS`); their values are shown masked. */
  readonly secretHeaders?: readonly string[];
  readonly onRequest: (request: OtlpHttpRequest) => void;
}

/** The request for a batch of ended spans: a pure function of the spans, for tests and views. */
function toOtlpHttpRequest(spans: readonly ReadableSpan[], opts: Omit<OtlpPreviewOptions, 'onRequest' | 'serviceName'>): OtlpHttpRequest {
  const compact = new TextDecoder().decode(JsonTraceSerializer.serializeRequest([...spans]));
  const body = JSON.stringify(JSON.parse(compact) as unknown, null, 2);
  const traceIds = [...new Set(spans.map((s) => s.spanContext().traceId))];
  return {
    method: 'POST',
    url: `${opts.endpoint.replace(/\/+$/, '')}/v1/traces`,
    headers: [['content-type', 'application/json'], ...(opts.secretHeaders ?? []).map((h) => [h, MASKED_SECRET] as const)],
    body,
    bytes: new TextEncoder().encode(compact).length,
    spanCount: spans.length,
    traceIds,
  };
}

export class OtlpPreviewProcessor implements SpanProcessor {
  private buffer: ReadableSpan[] = [];
  private stopped = false;

  constructor(private readonly opts: OtlpPreviewOptions) {}

  onStart(_span: Span, _parentContext: Context): void {}

  onEnd(span: ReadableSpan): void {
    if (this.stopped) return;
    if (this.opts.serviceName !== undefined && span.resource.attributes['service.name'] !== this.opts.serviceName) return;
    this.buffer.push(span);
  }

  /** Spans waiting for the next export. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Export what is buffered, as the batch processor's timer would: one request, or none for an empty buffer. */
  forceFlush(): Promise<void> {
    const batch = this.buffer;
    this.buffer = [];
    if (batch.length > 0) this.opts.onRequest(toOtlpHttpRequest(batch, this.opts));
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    // Several providers share one processor: the first to shut down drops the rest (nothing is sent anyway).
    this.stopped = true;
    this.buffer = [];
    return Promise.resolve();
  }
}
