/**
 * A span exporter that writes each span as text, in the shape and layout the SDK's `ConsoleSpanExporter` prints
 * (`console.dir(info, { depth: 3 })` in a Node terminal), and hands the text to a callback instead of the console:
 * the deck shows "what a console exporter prints" in a panel on a slide.
 *
 * It is a real `SpanExporter`, wired the real way: a `SimpleSpanProcessor` (which exports each span as it ends)
 * in a provider's `spanProcessors`. A unit test checks `consoleExportInfo` against the SDK's own exporter.
 */
import { ExportResultCode, hrTimeToMicroseconds, type ExportResult } from '@opentelemetry/core';
import { SimpleSpanProcessor, type ReadableSpan, type SpanExporter, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { inspectText } from './inspect-text';

/** The depth `ConsoleSpanExporter` passes to `console.dir`. */
const CONSOLE_DEPTH = 3;

/** What `ConsoleSpanExporter` prints for one span: the same fields, in the same order. */
export function consoleExportInfo(span: ReadableSpan): Record<string, unknown> {
  return {
    resource: { attributes: span.resource.attributes },
    instrumentationScope: span.instrumentationScope,
    traceId: span.spanContext().traceId,
    parentSpanContext: span.parentSpanContext,
    traceState: span.spanContext().traceState?.serialize(),
    name: span.name,
    id: span.spanContext().spanId,
    kind: span.kind,
    timestamp: hrTimeToMicroseconds(span.startTime),
    duration: hrTimeToMicroseconds(span.duration),
    attributes: span.attributes,
    status: span.status,
    events: span.events,
    links: span.links,
  };
}

/** One exported span, as text, with the few facts a view needs to label it. */
export interface ExportedSpanText {
  readonly text: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly name: string;
  readonly serviceName: string;
}

class TextSpanExporter implements SpanExporter {
  private stopped = false;

  constructor(private readonly write: (exported: ExportedSpanText) => void) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    if (this.stopped) {
      resultCallback({ code: ExportResultCode.FAILED, error: new Error('exporter is shut down') });
      return;
    }
    for (const span of spans) {
      const { traceId, spanId } = span.spanContext();
      this.write({
        text: inspectText(consoleExportInfo(span), { depth: CONSOLE_DEPTH }),
        traceId,
        spanId,
        name: span.name,
        serviceName: String(span.resource.attributes['service.name'] ?? 'unknown_service'),
      });
    }
    resultCallback({ code: ExportResultCode.SUCCESS });
  }

  shutdown(): Promise<void> {
    this.stopped = true;
    return Promise.resolve();
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

/** The processor a provider gets: the SDK's `SimpleSpanProcessor`, exporting each span the moment it ends. */
export function createTextExportProcessor(write: (exported: ExportedSpanText) => void): SpanProcessor {
  return new SimpleSpanProcessor(new TextSpanExporter(write));
}
