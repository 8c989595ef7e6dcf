/**
 * The deck's own plain-data form of a finished span.
 *
 * Views and the span store work on this shape rather than on the SDK's `ReadableSpan`, so that spans imported from
 * a file, spans built in tests and spans made live by the SDK all look the same, and so that `viz/` never depends
 * on the SDK. Times are epoch milliseconds (fractional), the unit every layout function works in.
 */

/** An attribute value as OpenTelemetry allows it: a primitive or a homogeneous array of primitives. */
export type AttrValue =
  | string
  | number
  | boolean
  | ReadonlyArray<string | number | boolean | null | undefined>;

export type Attributes = Readonly<Record<string, AttrValue>>;

export type SpanKindName = 'INTERNAL' | 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';

export type StatusCodeName = 'UNSET' | 'OK' | 'ERROR';

/** A timed event on a span, such as the `exception` event recorded with an error. */
export interface SpanEventRecord {
  readonly name: string;
  readonly timeMs: number;
  readonly attributes: Attributes;
}

/** A link from one span to another span's context (used later for batching and trigger causality). */
export interface SpanLinkRecord {
  readonly traceId: string;
  readonly spanId: string;
  readonly attributes: Attributes;
}

/** One finished span, with everything the views show about it. */
export interface SpanRecord {
  /** 32 lowercase hex digits. */
  readonly traceId: string;
  /** 16 lowercase hex digits. */
  readonly spanId: string;
  /** The parent's span id; absent for a root span. The parent may be absent from the store (an orphan). */
  readonly parentSpanId?: string;
  readonly name: string;
  readonly kind: SpanKindName;
  /** `service.name` from the span's resource, kept apart because every view groups and colours by it. */
  readonly serviceName: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly status: { readonly code: StatusCodeName; readonly message?: string };
  readonly attributes: Attributes;
  readonly events: readonly SpanEventRecord[];
  readonly links: readonly SpanLinkRecord[];
  readonly resource: Attributes;
  readonly scope: { readonly name: string; readonly version?: string };
}
