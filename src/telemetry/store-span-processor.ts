/**
 * An SDK span processor that hands each ended span to the span store, converted once to a `SpanRecord`.
 * Synchronous on purpose: the live views should see a span the moment it ends, with no batching delay.
 */
import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { SpanStore } from './span-store';
import { toSpanRecord } from './to-span-record';

export class StoreSpanProcessor implements SpanProcessor {
  constructor(private readonly store: SpanStore) {}

  onStart(_span: Span, _parentContext: Context): void {}

  onEnd(span: ReadableSpan): void {
    this.store.add(toSpanRecord(span));
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
