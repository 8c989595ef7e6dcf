/**
 * One redraw per animation frame while a demo is live, however many spans end in it. In print view nothing is drawn
 * along the way: the demo fast-forwards its request and draws its final state once, and no frame is ever left
 * pending. `pending` feeds the demo's activity count: a paused demo must hold no frame.
 */
export interface Redraw {
  request(): void;
  cancel(): void;
  readonly pending: boolean;
}

export function createRedraw(print: boolean, draw: () => void): Redraw {
  let frame = 0;
  const run = (): void => {
    frame = 0;
    draw();
  };
  return {
    request() {
      if (!print && frame === 0) frame = requestAnimationFrame(run);
    },
    cancel() {
      if (frame !== 0) cancelAnimationFrame(frame);
      frame = 0;
    },
    get pending() {
      return frame !== 0;
    },
  };
}
