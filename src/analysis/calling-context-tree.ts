/**
 * The calling context tree (CCT): the spans of all traces merged by their ancestral path of `service: operation`,
 * the node identity of Jaeger's TraceDag. Two spans fall in one node when the service and operation of the span
 * and of each of its ancestors, up to the root, are the same. Per node: how many spans, their total time, their
 * self time, their errors, a few exemplar traces, and (CRISP's view) their time on the critical path.
 *
 * **Folding children first.** A span's path is known only once its parent's is, and spans arrive as they end:
 * children before parents, the root last. So each trace keeps a small waiting room: a span whose parent has not
 * been placed waits under the parent's id; when a span is placed (a root at once; any other span as soon as its
 * parent is placed), the spans waiting for it are placed under it, and theirs under them, iteratively. Spans that
 * come after their parent (late, asynchronous work) are placed on arrival. The cost: each trace in flight holds
 * its spans until its root ends, and each placed span keeps its node and its children's intervals while the trace
 * is remembered, so that a late child can still correct its parent's self time. At most `maxTraces` traces are
 * remembered (default 1,000, oldest first out); a trace that leaves, or `flush()`, places what still waits as if
 * the topmost waiting span were a root (its parent is missing: an orphan, as the trace model shows it).
 *
 * **Self time** is a span's duration minus the union of its children's intervals clipped to the span, so two
 * concurrent children covering the same 10 ms take 10 ms off, not 20.
 *
 * **Critical-path time** is each span's critical-path segments (`critical-path.ts`) summed per node: CRISP's
 * calling context tree of critical-path exclusive time. A trace's path is computed when the trace is rooted and
 * again when a late span changes it, but lazily: traces are marked and computed at the next `snapshot()` (or
 * when they leave), so a trace that arrives parent-first costs one computation, not one per span. The old
 * contribution is taken off and the new one added, so the totals are always those of the latest paths.
 */
import type { SpanRecord } from '../telemetry/span-record';
import { createCriticalPathScratch, criticalPathSegments } from './critical-path';
import { type Exemplar, ExemplarSet } from './exemplars';
import { unionLength } from './interval-union';

export interface CallingContextTreeOptions {
  /** Traces remembered for late spans and critical paths. Default 1,000. */
  readonly maxTraces?: number;
  /** Exemplars kept per node. Default 5. */
  readonly exemplarLimit?: number;
}

/** One path of the tree, as a view reads it. Times in ms, summed over every span on this path. */
export interface CctNode {
  /** Stable for the life of the tree (until `clear()`): a view can key rows by it. */
  readonly id: number;
  readonly service: string;
  readonly operation: string;
  /** `service: operation`. */
  readonly label: string;
  /** 0 for the paths of root spans. */
  readonly depth: number;
  readonly count: number;
  readonly errors: number;
  /** Sum of the spans' durations. */
  readonly totalMs: number;
  /** Sum of the spans' durations less their children's (union of intervals, so concurrency counts once). */
  readonly selfMs: number;
  /** Time the spans on this path themselves spent on their traces' critical paths. */
  readonly criticalPathSelfMs: number;
  /** `criticalPathSelfMs` of this path and everything below it. */
  readonly criticalPathMs: number;
  readonly exemplars: readonly Exemplar[];
  /** Sorted by service, then operation, so the order never depends on arrival. */
  readonly children: readonly CctNode[];
}

/** The two measures a view switches between: all time spent, or time on the critical path (CRISP). */
export type CctMeasure = 'total' | 'criticalPath';

/** A node's inclusive and self time under a measure. */
export function measureOf(node: CctNode, measure: CctMeasure): { readonly inclusiveMs: number; readonly selfMs: number } {
  return measure === 'total' ? { inclusiveMs: node.totalMs, selfMs: node.selfMs } : { inclusiveMs: node.criticalPathMs, selfMs: node.criticalPathSelfMs };
}

export interface CctSnapshot {
  /** Changes with every change to any number. */
  readonly version: number;
  /** Changes only when a node appears (or the tree is cleared): rebuild rows only then. */
  readonly structureVersion: number;
  /** Paths of root spans, sorted as children are. */
  readonly roots: readonly CctNode[];
  readonly nodeCount: number;
  /** Spans placed in the tree (the counts of all nodes add up to this). */
  readonly spanCount: number;
  /** Spans waiting for an ancestor that has not arrived yet. */
  readonly waitingSpans: number;
}

class Node {
  /** service → operation → child: found without building a key string per span. */
  readonly byService = new Map<string, Map<string, Node>>();
  readonly children: Node[] = [];
  count = 0;
  errors = 0;
  totalMs = 0;
  selfMs = 0;
  cpSelfMs = 0;
  dirty = true;
  view: CctNode | null = null;
  readonly exemplars: ExemplarSet;

  constructor(
    readonly id: number,
    readonly service: string,
    readonly operation: string,
    readonly depth: number,
    readonly parent: Node | null,
    exemplarLimit: number,
  ) {
    this.exemplars = new ExemplarSet(exemplarLimit);
  }

  /** Mark this node and its ancestors for a new view; stops at the first one already marked. */
  touch(): void {
    for (let n: Node | null = this; n && !n.dirty; n = n.parent) n.dirty = true;
  }
}

interface Placed {
  readonly node: Node;
  readonly startMs: number;
  readonly endMs: number;
  /** Children's intervals, flat `[start, end, …]`, for the union; null until the first child. */
  kids: number[] | null;
  coveredMs: number;
}

interface TraceState {
  readonly spans: SpanRecord[];
  readonly placed: Map<string, Placed>;
  readonly waiting: Map<string, SpanRecord[]>;
  waitingCount: number;
  rooted: boolean;
  cpDirty: boolean;
  /**
   * Each node's share of this trace's critical path, as last added to the nodes: parallel arrays, because a
   * trace touches a handful of nodes and a Map per trace was a tenth of the fold's time.
   */
  cpNodes: Node[] | null;
  cpMs: number[] | null;
}

const byName = (a: CctNode, b: CctNode): number =>
  a.service < b.service ? -1 : a.service > b.service ? 1 : a.operation < b.operation ? -1 : a.operation > b.operation ? 1 : 0;

/** The calling context tree, folded incrementally. Build one per view or demo; `clear()` starts over. */
export class CallingContextTree {
  private readonly top: Node;
  private readonly traces = new Map<string, TraceState>();
  private readonly dirtyTraces = new Set<TraceState>();
  private readonly maxTraces: number;
  private readonly exemplarLimit: number;
  private nextId = 1;
  private nodeCount = 0;
  private spanCount = 0;
  private waitingSpans = 0;
  private version = 0;
  private structureVersion = 0;
  private cached: CctSnapshot | null = null;
  private readonly cpScratch = createCriticalPathScratch();

  constructor(options: CallingContextTreeOptions = {}) {
    this.maxTraces = Math.max(1, options.maxTraces ?? 1_000);
    this.exemplarLimit = options.exemplarLimit ?? 5;
    this.top = new Node(0, '', '', -1, null, 0);
  }

  /**
   * The snapshot's `version` and `structureVersion` as they are now, read without building one: a view that
   * throttles its redraws asks these every frame and takes a snapshot only when it will draw.
   */
  get currentVersion(): number {
    return this.version;
  }

  get currentStructureVersion(): number {
    return this.structureVersion;
  }

  /** Fold one ended span in, in any order. */
  fold(span: SpanRecord): void {
    this.version++;
    let trace = this.traces.get(span.traceId);
    if (!trace) {
      trace = { spans: [], placed: new Map(), waiting: new Map(), waitingCount: 0, rooted: false, cpDirty: false, cpNodes: null, cpMs: null };
      this.traces.set(span.traceId, trace);
      if (this.traces.size > this.maxTraces) this.evictOldest();
    }
    trace.spans.push(span);
    const parentId = span.parentSpanId;
    const parent = parentId === undefined ? undefined : trace.placed.get(parentId);
    if (parentId === undefined || parent) {
      this.place(trace, span, parent);
    } else {
      const list = trace.waiting.get(parentId);
      if (list) list.push(span);
      else trace.waiting.set(parentId, [span]);
      trace.waitingCount++;
      this.waitingSpans++;
    }
    if (trace.rooted && !trace.cpDirty) {
      trace.cpDirty = true;
      this.dirtyTraces.add(trace);
    }
  }

  /** Place every waiting span now, the topmost of each waiting subtree as a root (its ancestors never came). */
  flush(): void {
    for (const trace of this.traces.values()) this.flushTrace(trace);
  }

  /** Forget everything. Both versions change. */
  clear(): void {
    this.top.children.length = 0;
    this.top.byService.clear();
    this.top.dirty = true;
    this.traces.clear();
    this.dirtyTraces.clear();
    this.nodeCount = 0;
    this.spanCount = 0;
    this.waitingSpans = 0;
    this.version++;
    this.structureVersion++;
    this.cached = null;
  }

  /** The tree now. The same object while nothing changed; otherwise only changed paths get new objects. */
  snapshot(): CctSnapshot {
    for (const trace of this.dirtyTraces) this.updateCriticalPath(trace);
    this.dirtyTraces.clear();
    if (this.cached?.version === this.version) return this.cached;
    this.cached = {
      version: this.version,
      structureVersion: this.structureVersion,
      roots: this.buildViews(),
      nodeCount: this.nodeCount,
      spanCount: this.spanCount,
      waitingSpans: this.waitingSpans,
    };
    return this.cached;
  }

  /** Place a span under its placed parent (or as a root), then everything that waited for it, iteratively. */
  private place(trace: TraceState, first: SpanRecord, firstParent: Placed | undefined): void {
    // Three parallel stacks rather than an object per step: this runs once per span.
    const spans: SpanRecord[] = [first];
    const parents: (Placed | undefined)[] = [firstParent];
    const counted: boolean[] = [false];
    while (spans.length > 0) {
      const span = spans.pop()!;
      const parent = parents.pop();
      const alreadyCounted = counted.pop()!;
      const node = this.child(parent ? parent.node : this.top, span.serviceName, span.name);
      const startMs = span.startMs;
      const endMs = Math.max(span.startMs, span.endMs);
      const duration = endMs - startMs;
      const failed = span.status.code === 'ERROR';
      node.count++;
      node.totalMs += duration;
      node.selfMs += duration;
      if (failed) node.errors++;
      node.exemplars.add(span.traceId, span.spanId, failed);
      node.touch();
      this.spanCount++;
      if (!parent) trace.rooted = true;
      else if (!alreadyCounted) this.addChildInterval(parent, startMs, endMs);

      const placed: Placed = { node, startMs, endMs, kids: null, coveredMs: 0 };
      // With a repeated span id the first placed keeps it: later copies are counted but nothing waits for them.
      if (trace.placed.has(span.spanId)) continue;
      trace.placed.set(span.spanId, placed);
      const waiting = trace.waiting.get(span.spanId);
      if (!waiting) continue;
      trace.waiting.delete(span.spanId);
      trace.waitingCount -= waiting.length;
      this.waitingSpans -= waiting.length;
      // Children that arrived first are taken off the self time in one union, not one union per child.
      const kids: number[] = [];
      for (const kid of waiting) {
        kids.push(kid.startMs, Math.max(kid.startMs, kid.endMs));
        spans.push(kid);
        parents.push(placed);
        counted.push(true);
      }
      placed.kids = kids;
      placed.coveredMs = unionLength(kids, startMs, endMs);
      node.selfMs -= placed.coveredMs;
    }
  }

  /** A child that arrived after its parent was placed: take what it newly covers off the parent's self time. */
  private addChildInterval(parent: Placed, startMs: number, endMs: number): void {
    const kids = parent.kids ?? [];
    parent.kids = kids;
    kids.push(startMs, endMs);
    const covered = unionLength(kids, parent.startMs, parent.endMs);
    if (covered !== parent.coveredMs) {
      parent.node.selfMs -= covered - parent.coveredMs;
      parent.coveredMs = covered;
      parent.node.touch();
    }
  }

  private child(parent: Node, service: string, operation: string): Node {
    let byOperation = parent.byService.get(service);
    if (!byOperation) {
      byOperation = new Map();
      parent.byService.set(service, byOperation);
    }
    let node = byOperation.get(operation);
    if (!node) {
      node = new Node(this.nextId++, service, operation, parent.depth + 1, parent, this.exemplarLimit);
      byOperation.set(operation, node);
      parent.children.push(node);
      this.nodeCount++;
      this.structureVersion++;
      parent.touch();
    }
    return node;
  }

  private flushTrace(trace: TraceState): void {
    if (trace.waitingCount === 0) return;
    while (trace.waitingCount > 0) {
      const waitingIds = new Set<string>();
      for (const list of trace.waiting.values()) for (const s of list) waitingIds.add(s.spanId);
      // Tops of waiting subtrees: spans whose parent is not itself waiting. If none (a cycle), the earliest.
      let tops: SpanRecord[] = [];
      for (const [parentId, list] of trace.waiting) if (!waitingIds.has(parentId)) tops.push(...list);
      if (tops.length === 0) {
        const all = [...trace.waiting.values()].flat();
        tops = [all.reduce((a, b) => (b.startMs < a.startMs || (b.startMs === a.startMs && b.spanId < a.spanId) ? b : a))];
      }
      for (const span of tops) {
        const list = trace.waiting.get(span.parentSpanId!)!;
        list.splice(list.indexOf(span), 1);
        if (list.length === 0) trace.waiting.delete(span.parentSpanId!);
        trace.waitingCount--;
        this.waitingSpans--;
        this.place(trace, span, undefined);
      }
      this.version++;
    }
    if (trace.rooted && !trace.cpDirty) {
      trace.cpDirty = true;
      this.dirtyTraces.add(trace);
    }
  }

  private evictOldest(): void {
    for (const [traceId, trace] of this.traces) {
      this.flushTrace(trace);
      if (trace.cpDirty) {
        this.updateCriticalPath(trace);
        this.dirtyTraces.delete(trace);
      }
      this.traces.delete(traceId);
      return;
    }
  }

  /** Replace the trace's share of critical-path time on the nodes by that of its current path. */
  private updateCriticalPath(trace: TraceState): void {
    trace.cpDirty = false;
    const nodes: Node[] = [];
    const ms: number[] = [];
    for (const s of criticalPathSegments(trace.spans, this.cpScratch)) {
      const placed = trace.placed.get(s.spanId);
      if (!placed) continue;
      const i = nodes.indexOf(placed.node);
      if (i >= 0) ms[i]! += s.endMs - s.startMs;
      else {
        nodes.push(placed.node);
        ms.push(s.endMs - s.startMs);
      }
    }
    const before = trace.cpNodes;
    const beforeMs = trace.cpMs;
    // Only shares that changed are taken off and put back, so a recomputed path that is the same touches nothing.
    if (before && beforeMs) {
      for (let j = 0; j < before.length; j++) {
        const i = nodes.indexOf(before[j]!);
        if (i >= 0 && ms[i] === beforeMs[j]) continue;
        before[j]!.cpSelfMs -= beforeMs[j]!;
        before[j]!.touch();
      }
    }
    for (let i = 0; i < nodes.length; i++) {
      const j = before ? before.indexOf(nodes[i]!) : -1;
      if (j >= 0 && beforeMs![j] === ms[i]) continue;
      nodes[i]!.cpSelfMs += ms[i]!;
      nodes[i]!.touch();
    }
    trace.cpNodes = nodes;
    trace.cpMs = ms;
    this.version++;
  }

  /** Immutable views of the marked nodes, bottom up without recursion; unmarked subtrees keep their views. */
  private buildViews(): readonly CctNode[] {
    // The top node never has a view of its own, so it is always walked, and the roots are always rebuilt.
    const order: Node[] = [];
    const stack: Node[] = [this.top];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (!node.dirty && node.view) continue;
      order.push(node);
      for (const c of node.children) if (c.dirty || !c.view) stack.push(c);
    }
    // Parents come before their children in `order`, so walking it backwards builds children first.
    let roots: readonly CctNode[] = [];
    for (let i = order.length - 1; i >= 0; i--) {
      const node = order[i]!;
      const children = node.children.map((c) => c.view!).sort(byName);
      node.dirty = false;
      if (node === this.top) {
        roots = children;
        continue;
      }
      node.view = {
        id: node.id,
        service: node.service,
        operation: node.operation,
        label: `${node.service}: ${node.operation}`,
        depth: node.depth,
        count: node.count,
        errors: node.errors,
        totalMs: node.totalMs,
        selfMs: node.selfMs,
        criticalPathSelfMs: node.cpSelfMs,
        criticalPathMs: children.reduce((a, c) => a + c.criticalPathMs, node.cpSelfMs),
        exemplars: node.exemplars.list(),
        children,
      };
    }
    return roots;
  }
}
