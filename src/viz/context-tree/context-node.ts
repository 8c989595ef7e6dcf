/**
 * What the calling context tree view reads: one node per distinct ancestral path of `service: operation`, with
 * its measures and its children. The analysis builds these; the view only reads them, so any tree with this shape
 * (the live analysis, a fixture in a test, an imported file) draws the same.
 */

/** One path of the calling context tree. */
export interface ContextNode {
  /** The whole ancestral path, unique in the tree: the row's identity across updates. */
  readonly key: string;
  readonly service: string;
  readonly operation: string;
  /** Spans merged into this path. */
  readonly count: number;
  /** Sum of their durations, ms. */
  readonly totalMs: number;
  /** Their time not covered by any child (the union of child intervals), ms. */
  readonly selfMs: number;
  /** Their exclusive time on their traces' critical paths (CRISP's measure), ms. */
  readonly criticalSelfMs: number;
  /** Spans in error among them. */
  readonly errors: number;
  /** A few trace ids that went through this path, to open in a waterfall. */
  readonly exemplars: readonly string[];
  readonly children: readonly ContextNode[];
}
