/**
 * `?otlp`: the deck's spans also sent to a real backend, through OpenTelemetry's own OTLP/HTTP exporter
 * (`@opentelemetry/exporter-trace-otlp-http`, JSON over fetch) on a `BatchSpanProcessor`, to the same-origin path
 * `/v1/traces`: `npm start` and `npm run preview` proxy that path to `$OTLP_ENDPOINT` (vite.config.ts), so the page
 * needs no CORS and its CSP (`connect-src 'self'`) stays as it is.
 *
 * One processor serves every world on the page (each world's providers add it beside their store's), so its
 * `shutdown` only flushes: a demo's reset must not stop the export of the next one. The batch processor queues in
 * `onEnd` and exports on its own timer, so a slow or dead endpoint never slows a demo; the first failure is told
 * once (`onFailure`), the rest dropped quietly, as the SDK itself drops spans when its queue is full.
 */
import type { Context } from '@opentelemetry/api';
import { type ExportResult, ExportResultCode } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BatchSpanProcessor, type ReadableSpan, type Span, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';

/** The path the exporter posts to: OTLP/HTTP's default for traces. */
const OTLP_TRACES_PATH = '/v1/traces';

export interface OtlpExportOptions {
  /** The page's origin; the exporter posts to `${origin}/v1/traces`. */
  readonly origin: string;
  /** Told the first failed export, once. */
  readonly onFailure: (message: string) => void;
  /** Any exporter, for tests (an in-memory one); the real OTLP/HTTP exporter by default. */
  readonly exporter?: SpanExporter;
}

export interface OtlpExport {
  /** Add to every world's providers. Its `shutdown` flushes and keeps it running. */
  readonly processor: SpanProcessor;
  /** Flush and stop for good (the page is going away). */
  shutdown(): Promise<void>;
}

/** An exporter that tells its first failure and otherwise is the one it wraps. */
function reportingExporter(inner: SpanExporter, onFailure: (message: string) => void): SpanExporter {
  let told = false;
  return {
    export(spans: ReadableSpan[], done: (result: ExportResult) => void) {
      inner.export(spans, (result) => {
        if (result.code !== ExportResultCode.SUCCESS && !told) {
          told = true;
          onFailure(result.error?.message ?? 'the export failed');
        }
        done(result);
      });
    },
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
}

export function createOtlpExport(opts: OtlpExportOptions): OtlpExport {
  const exporter = opts.exporter ?? new OTLPTraceExporter({ url: `${opts.origin}${OTLP_TRACES_PATH}` });
  // The SDK's defaults (queue 2,048 spans, batches of 512 every 5 s) but a shorter delay: a learner who sends one
  // request and switches to Jaeger should find it there.
  const batch = new BatchSpanProcessor(reportingExporter(exporter, opts.onFailure), { scheduledDelayMillis: 1000 });
  const shared: SpanProcessor = {
    onStart: (span: Span, context: Context) => batch.onStart(span, context),
    onEnd: (span: ReadableSpan) => batch.onEnd(span),
    forceFlush: () => batch.forceFlush(),
    shutdown: () => batch.forceFlush(),
  };
  return { processor: shared, shutdown: () => batch.shutdown() };
}

/**
 * Whether the server the deck came from receives OTLP at `/v1/traces`: an empty export is posted, and a 404 or 405
 * is a static server with no proxy. Returns null when it does, or what to tell the presenter.
 */
export async function probeOtlpProxy(origin: string, post: typeof fetch = fetch): Promise<string | null> {
  const needsProxy =
    '`?otlp` needs a proxy: it sends spans to /v1/traces on the server the deck came from, and nothing receives them there. Open the deck with `npm start` or `npm run preview`, which pass /v1/traces to $OTLP_ENDPOINT (default http://localhost:4318).';
  try {
    const response = await post(`${origin}${OTLP_TRACES_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"resourceSpans":[]}' });
    if (response.status === 404 || response.status === 405 || response.status === 501) return needsProxy;
    if (!response.ok) return `\`?otlp\`: the OTLP endpoint behind /v1/traces answered ${response.status}; is the backend (Jaeger, a Collector) running?`;
    return null;
  } catch {
    return needsProxy;
  }
}
