/**
 * The blackbox demo's numbers: the model learned from every line so far, each batch's calls scored with it against
 * the spans' callers, and the call graph between kinds beside the real one. Pure: lines and batches in, rows out.
 */
import { compareCallGraphs, inferCallers, learnCallModel, scoreCallers, type KindEdge, type LoggedInterval } from '../../analysis/blackbox-inference';

/** One press of "Send": which lines it produced (from index, to index exclusive) and how it was sent. */
export interface Batch {
  readonly requests: number;
  readonly concurrency: number;
  readonly fromLine: number;
  /** Undefined while the batch is still running: its lines are those written so far. */
  readonly toLine?: number;
}

interface BatchScore {
  readonly batch: Batch;
  readonly correct: number;
  readonly calls: number;
}

export interface BlackboxScores {
  readonly batches: readonly BatchScore[];
  readonly edges: readonly KindEdge[];
  readonly assumed: number;
  readonly refuted: number;
  readonly lines: number;
}

export function scoreBatches(lines: readonly LoggedInterval[], truth: ReadonlyArray<number | undefined>, batches: readonly Batch[]): BlackboxScores {
  const model = learnCallModel(lines);
  const inferred = inferCallers(lines, model);
  return {
    batches: batches.map((batch) => {
      const to = batch.toLine ?? lines.length;
      return { batch, ...scoreCallers(inferred.slice(batch.fromLine, to), truth.slice(batch.fromLine, to)) };
    }),
    edges: compareCallGraphs(lines, model, truth),
    assumed: model.assumed,
    refuted: model.refuted,
    lines: lines.length,
  };
}

/** `37 of 90 (41%)`, or a dash before any call. */
export function formatScore({ correct, calls }: { correct: number; calls: number }): string {
  return calls === 0 ? '–' : `${correct} of ${calls} (${Math.round((100 * correct) / calls)}%)`;
}
