/**
 * The length of a union of intervals, for self time: a span's duration minus the time covered by its children,
 * where two concurrent children covering the same 10 ms count 10 ms, not 20.
 */

/**
 * Total length covered by intervals given flat as `[start0, end0, start1, end1, …]`, each first clipped to
 * `[fromMs, toMs]`. O(k log k) for k intervals; empty and inverted intervals count nothing.
 */
export function unionLength(flat: readonly number[], fromMs: number, toMs: number): number {
  const k = flat.length >> 1;
  if (k === 0 || !(toMs > fromMs)) return 0;
  if (k === 1) return Math.max(0, Math.min(flat[1]!, toMs) - Math.max(flat[0]!, fromMs));
  const order = new Array<number>(k);
  for (let i = 0; i < k; i++) order[i] = i;
  // Insertion sort for the few children most spans have (no comparator calls); the library sort past that.
  if (k <= 16) {
    for (let i = 1; i < k; i++) {
      const v = order[i]!;
      const key = flat[2 * v]!;
      let j = i - 1;
      while (j >= 0 && flat[2 * order[j]!]! > key) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = v;
    }
  } else order.sort((a, b) => flat[2 * a]! - flat[2 * b]!);
  let covered = 0;
  let runStart = NaN;
  let runEnd = NaN;
  for (const i of order) {
    const start = Math.max(flat[2 * i]!, fromMs);
    const end = Math.min(flat[2 * i + 1]!, toMs);
    if (!(end > start)) continue;
    if (Number.isNaN(runStart) || start > runEnd) {
      if (!Number.isNaN(runStart)) covered += runEnd - runStart;
      runStart = start;
      runEnd = end;
    } else if (end > runEnd) runEnd = end;
  }
  if (!Number.isNaN(runStart)) covered += runEnd - runStart;
  return covered;
}
