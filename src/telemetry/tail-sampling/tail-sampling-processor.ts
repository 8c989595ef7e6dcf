/**
 * A span processor between the SDK and the span store that samples whole traces, as the OpenTelemetry Collector's
 * `tailsamplingprocessor` does: spans are buffered by trace id; `decision_wait` after a trace's first span the
 * policy set decides; a kept trace's spans go to the store, a dropped one's are let go.
 *
 * Like the Collector:
 * - at most `num_traces` traces are held, the oldest evicted first; one evicted before its decision is "dropped too
 *   early" (its spans never reach the store);
 * - a decided trace stays in the buffer (without its spans) until evicted, so a late span inherits its decision;
 *   after eviction (there is no decision cache) a late span starts a fresh trace and a fresh wait;
 * - decisions are made on a tick once a second (the Collector batches them by second the same way), on the
 *   simulated clock, and the tick runs only while something waits, so an idle lab holds no timer.
 *
 * The tick takes traces from the front of an arrival queue, oldest first, and stops at the first whose wait is not
 * over: its cost is the traces it decides, not the buffer. (Walking the whole buffer every second cost a frame a few
 * milliseconds once it held the Collector's default 50,000 traces, most of them decided long ago.)
 */
import type { Context } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { SpanRecord } from '../span-record';
import { toSpanRecord } from '../to-span-record';
import type { TailSamplingConfig } from './policy-config';
import { createPolicySet, type PolicySet, type TraceDecision } from './policies';

/** The clock the sampler waits on: the sim's `VirtualClock` fits. */
export interface TailClock {
  now(): number;
  setTimer(ms: number, callback: () => void): () => void;
}

/** What the sampler has done, for the lab's counters and the Collector's metrics of the same names. */
export interface TailSamplingStats {
  readonly tracesSampled: number;
  readonly tracesNotSampled: number;
  /** Spans that came after their trace was decided (while it was still in the buffer). */
  readonly lateSpans: number;
  /** Traces pushed out of the buffer by newer ones (decided or not). */
  readonly evicted: number;
  /** `sampling_trace_dropped_too_early`: evicted before their decision. */
  readonly droppedTooEarly: number;
  /** Traces in the buffer, decided or waiting. */
  readonly bufferedTraces: number;
  /** Spans held waiting for a decision: the memory the sampler costs. */
  readonly bufferedSpans: number;
  readonly peakBufferedSpans: number;
}

/** One decision, as the lab paints it. */
export interface TailDecisionEvent extends TraceDecision {
  readonly traceId: string;
  readonly spans: number;
  readonly atMs: number;
}

interface Held {
  readonly traceId: string;
  spans: SpanRecord[] | undefined;
  readonly firstMs: number;
  decision: TraceDecision | undefined;
}

/** Past this many decided entries at the front of the queue, they are cut off (amortised O(1) per trace). */
const QUEUE_COMPACT_AT = 1024;

const TICK_MS = 1000;

export class TailSamplingProcessor implements SpanProcessor {
  private readonly held = new Map<string, Held>();
  /**
   * Undecided traces in arrival order (so in `firstMs` order: the clock never goes back), from `queueHead` on. An
   * entry evicted, decided, or replaced by a fresh wait for the same id (a late span after eviction) is skipped
   * when the tick reaches it.
   */
  private queue: Held[] = [];
  private queueHead = 0;
  private policies: PolicySet;
  private readonly listeners = new Set<(e: TailDecisionEvent) => void>();
  private cancelTick: (() => void) | undefined;
  private waiting = 0;
  private counts = { tracesSampled: 0, tracesNotSampled: 0, lateSpans: 0, evicted: 0, droppedTooEarly: 0, bufferedSpans: 0, peakBufferedSpans: 0 };

  constructor(
    private config: TailSamplingConfig,
    private readonly clock: TailClock,
    /** Where kept spans go (the store's `add`). */
    private readonly keep: (span: SpanRecord) => void,
  ) {
    this.policies = createPolicySet(config.policies);
  }

  /**
   * New settings and policies, from a clean slate: the buffer emptied (what waited is let go) and the counters at
   * zero, as a restarted Collector would be. Throws on a configuration the policies refuse, changing nothing.
   */
  configure(config: TailSamplingConfig): void {
    this.policies = createPolicySet(config.policies);
    this.config = config;
    this.cancelTick?.();
    this.cancelTick = undefined;
    this.held.clear();
    this.queue = [];
    this.queueHead = 0;
    this.waiting = 0;
    this.counts = { tracesSampled: 0, tracesNotSampled: 0, lateSpans: 0, evicted: 0, droppedTooEarly: 0, bufferedSpans: 0, peakBufferedSpans: 0 };
  }

  /** The settings and policies in force. */
  get settings(): TailSamplingConfig {
    return this.config;
  }

  stats(): TailSamplingStats {
    return { ...this.counts, bufferedTraces: this.held.size };
  }

  /** Be told of every decision; returns the unsubscribe. */
  onDecision(listener: (e: TailDecisionEvent) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  onStart(_span: Span, _parentContext: Context): void {}

  onEnd(span: ReadableSpan): void {
    this.add(toSpanRecord(span));
  }

  /** A finished span, as a record (what `onEnd` does after converting; tests and benchmarks call it directly). */
  add(record: SpanRecord): void {
    const entry = this.held.get(record.traceId);
    if (entry?.decision) {
      this.counts.lateSpans++;
      if (entry.decision.sampled) this.keep(record);
      return;
    }
    if (entry) {
      entry.spans!.push(record);
      this.grow(1);
      return;
    }
    if (this.held.size >= Math.max(1, this.config.num_traces)) this.evictOldest();
    const held: Held = { traceId: record.traceId, spans: [record], firstMs: this.clock.now(), decision: undefined };
    this.held.set(record.traceId, held);
    this.queue.push(held);
    this.waiting++;
    this.grow(1);
    this.cancelTick ??= this.clock.setTimer(TICK_MS, () => this.tick());
  }

  private grow(n: number): void {
    this.counts.bufferedSpans += n;
    if (this.counts.bufferedSpans > this.counts.peakBufferedSpans) this.counts.peakBufferedSpans = this.counts.bufferedSpans;
  }

  private evictOldest(): void {
    const oldest = this.held.keys().next();
    if (oldest.done) return;
    const entry = this.held.get(oldest.value)!;
    this.held.delete(oldest.value);
    this.counts.evicted++;
    if (!entry.decision) {
      this.counts.droppedTooEarly++;
      this.waiting--;
      this.counts.bufferedSpans -= entry.spans!.length;
    }
  }

  /** Decide every trace whose wait is over; tick again while any still waits. */
  private tick(): void {
    this.cancelTick = undefined;
    const now = this.clock.now();
    while (this.queueHead < this.queue.length) {
      const entry = this.queue[this.queueHead]!;
      if (entry.decision || this.held.get(entry.traceId) !== entry) {
        this.queueHead++;
        continue;
      }
      if (now - entry.firstMs < this.config.decision_wait_ms) break;
      this.queueHead++;
      this.decide(entry.traceId, entry, now);
    }
    if (this.queueHead >= QUEUE_COMPACT_AT && this.queueHead * 2 >= this.queue.length) {
      this.queue = this.queue.slice(this.queueHead);
      this.queueHead = 0;
    }
    if (this.waiting > 0) this.cancelTick = this.clock.setTimer(TICK_MS, () => this.tick());
  }

  private decide(traceId: string, entry: Held, now: number): void {
    const spans = entry.spans!;
    const decision = this.policies.decide(spans, now);
    entry.decision = decision;
    entry.spans = undefined;
    this.waiting--;
    this.counts.bufferedSpans -= spans.length;
    if (decision.sampled) {
      this.counts.tracesSampled++;
      for (const s of spans) this.keep(s);
    } else this.counts.tracesNotSampled++;
    const event: TailDecisionEvent = { ...decision, traceId, spans: spans.length, atMs: now };
    for (const l of [...this.listeners]) l(event);
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  /** Stop ticking; what still waits is dropped, as `drop_pending_traces_on_shutdown` would. */
  shutdown(): Promise<void> {
    this.cancelTick?.();
    this.cancelTick = undefined;
    return Promise.resolve();
  }
}
