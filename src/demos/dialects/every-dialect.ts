/**
 * One hop's context written in every dialect: the same span context given to each dialect's own propagator, and the
 * headers it wrote, in the order it wrote them. What a slide shows side by side, and what a test reads back.
 */
import { defaultTextMapSetter, ROOT_CONTEXT, trace, type SpanContext, type TextMapPropagator } from '@opentelemetry/api';

/** What this module needs of a dialect (telemetry's `Dialect` has it; so does the demo's Datadog entry). */
export interface DialectMaker {
  readonly id: string;
  readonly label: string;
  readonly speakers: string;
  make(): TextMapPropagator;
}

/** One dialect's headers for the hop. */
export interface DialectHeaders {
  readonly id: string;
  readonly label: string;
  readonly speakers: string;
  /** Name and value, as the propagator set them (names as written: X-Ray's is lower case here). */
  readonly headers: ReadonlyArray<readonly [string, string]>;
}

export function headersInEveryDialect(ctx: SpanContext, dialects: readonly DialectMaker[]): DialectHeaders[] {
  const withSpan = trace.setSpanContext(ROOT_CONTEXT, ctx);
  return dialects.map((d) => {
    const carrier: Record<string, string> = {};
    d.make().inject(withSpan, carrier, defaultTextMapSetter);
    return { id: d.id, label: d.label, speakers: d.speakers, headers: Object.entries(carrier) };
  });
}
