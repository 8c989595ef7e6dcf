/**
 * Per-model lookup tables the waterfall needs on every frame, built once per `setModel` in O(rows) over typed
 * arrays: each row's place among its siblings, the errors folded under it, and each service's colour. Pure.
 *
 * There is deliberately no span-id → row map: hashing 50,000 ids costs 35–80 ms in Chromium, more than all the
 * rest of an update; the view scans for the two ids it tracks (focus and selection) instead, about 1 ms.
 */
import type { TraceModel } from '../../telemetry/trace-model';
import { colorOrder, serviceColor } from './service-colors';
import { siblingPositions, subtreeErrorCounts } from './waterfall-layout';

export interface ModelTables {
  readonly posInSet: Int32Array;
  readonly setSize: Int32Array;
  readonly subtreeErrors: Int32Array;
  readonly colors: ReadonlyMap<string, string>;
}

export const EMPTY_TABLES: ModelTables = {
  posInSet: new Int32Array(0),
  setSize: new Int32Array(0),
  subtreeErrors: new Int32Array(0),
  colors: new Map(),
};

/** `knownServices`: the services whose colours are fixed up front, in order (see `colorOrder`). */
export function buildModelTables(model: TraceModel | null, knownServices: readonly string[] = []): ModelTables {
  if (model === null) return EMPTY_TABLES;
  const { posInSet, setSize } = siblingPositions(model);
  const order = colorOrder(knownServices, model.services);
  const colors = new Map(model.services.map((s) => [s, serviceColor(s, order)] as const));
  return { posInSet, setSize, subtreeErrors: subtreeErrorCounts(model), colors };
}

/** The index of the first row whose span has this id, or -1. O(rows), no allocation. */
export function findRow(model: TraceModel | null, spanId: string | null): number {
  if (model === null || spanId === null) return -1;
  const { rows } = model;
  for (let i = 0; i < rows.length; i++) if (rows[i]!.span.spanId === spanId) return i;
  return -1;
}
