/**
 * Small calling context trees for the view's tests, built as the analysis builds them: ids in creation order and
 * each node's critical-path total the sum of its own and its children's. Not used by the deck.
 */
import type { ContextNode } from '../../src/viz/context-tree/context-node';

/** The measures a test sets on one node; everything else defaults to one span of nothing. */
export type NodeSpec = Partial<Omit<ContextNode, 'id' | 'service' | 'operation' | 'children' | 'criticalPathMs' | 'exemplars'>> & {
  readonly exemplars?: readonly string[];
  readonly failed?: readonly string[];
};

/** A node factory with its own id counter, so every fixture numbers its paths from 1. */
export function nodeFactory(): (label: string, spec?: NodeSpec, children?: readonly ContextNode[]) => ContextNode {
  let nextId = 1;
  return (label, spec = {}, children = []) => {
    const [service = '', operation = ''] = label.split(': ');
    const criticalPathSelfMs = spec.criticalPathSelfMs ?? 0;
    const { exemplars = [], failed = [], ...measures } = spec;
    return {
      id: nextId++,
      service,
      operation,
      count: 1,
      errors: 0,
      totalMs: 0,
      selfMs: 0,
      ...measures,
      criticalPathSelfMs,
      criticalPathMs: children.reduce((sum, c) => sum + c.criticalPathMs, criticalPathSelfMs),
      exemplars: [...failed.map((traceId) => ({ traceId, error: true })), ...exemplars.map((traceId) => ({ traceId, error: false }))],
      children,
    };
  };
}
