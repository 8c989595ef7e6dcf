/**
 * What the calling context tree view reads: one node per distinct ancestral path of `service: operation`, with
 * its measures and its children. The fields are those of the analysis' `CctNode` (src/analysis/
 * calling-context-tree.ts), named alike, so its snapshot's roots draw as they are; tests and imported trees can
 * build the few fields the view needs without the rest.
 */

/** An example trace through a path. */
export interface ContextExemplar {
  readonly traceId: string;
  readonly error: boolean;
}

/** One path of the calling context tree. Times in ms, summed over every span merged into the path. */
export interface ContextNode {
  /** Stable for the life of the tree: the row's identity across updates. */
  readonly id: number;
  readonly service: string;
  readonly operation: string;
  /** Spans merged into this path. */
  readonly count: number;
  /** Spans in error among them. */
  readonly errors: number;
  /** Sum of their durations. */
  readonly totalMs: number;
  /** Their time not covered by any child (the union of child intervals, so concurrency counts once). */
  readonly selfMs: number;
  /** Their own time on their traces' critical paths (CRISP's measure). */
  readonly criticalPathSelfMs: number;
  /** `criticalPathSelfMs` of this path and everything below it. */
  readonly criticalPathMs: number;
  /** A few traces that went through this path, to open in a waterfall. */
  readonly exemplars: readonly ContextExemplar[];
  readonly children: readonly ContextNode[];
}
