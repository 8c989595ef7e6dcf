/**
 * When a live aggregate view redraws. Under traffic the numbers of a service map or a calling context tree change
 * with every span, 1,000 times a second at the benchmark's rate: numbers rewritten on every frame cannot be read,
 * and taking the analysis's snapshot for each frame was most of the views' cost (the span-cost benchmark). A change
 * of shape (a new node, edge or path) is drawn at once, so nothing appears late; numbers alone are written at most
 * every `everyMs`, and a change held back asks for a later frame so that the last numbers are never left unshown.
 */
type RedrawDecision =
  /** Take a snapshot and draw it now. */
  | 'draw'
  /** Something changed but its numbers are held back: ask for another frame. */
  | 'wait'
  /** Nothing changed since the last draw. */
  | 'idle';

export interface RedrawThrottle {
  /**
   * Given the source's shape and number versions at wall time `wallMs`, what to do. 'draw' counts as drawn: the
   * caller must draw when it gets it.
   */
  decide(shapeVersion: number, numbersVersion: number, wallMs: number): RedrawDecision;
  /** Forget what was drawn (the view was cleared): the next change draws at once. */
  reset(): void;
}

export function createRedrawThrottle(everyMs: number): RedrawThrottle {
  let shape = Number.NaN;
  let numbers = Number.NaN;
  let drawnAtMs = Number.NEGATIVE_INFINITY;
  return {
    decide(shapeVersion, numbersVersion, wallMs) {
      const shapeChanged = shapeVersion !== shape;
      if (!shapeChanged && numbersVersion === numbers) return 'idle';
      if (!shapeChanged && wallMs - drawnAtMs < everyMs) return 'wait';
      shape = shapeVersion;
      numbers = numbersVersion;
      drawnAtMs = wallMs;
      return 'draw';
    },
    reset() {
      shape = Number.NaN;
      numbers = Number.NaN;
      drawnAtMs = Number.NEGATIVE_INFINITY;
    },
  };
}
