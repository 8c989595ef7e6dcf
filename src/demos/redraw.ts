/**
 * One redraw per animation frame while a demo is live, however many spans end in it. `pending` feeds the demo's
 * activity count: a paused demo must hold no frame.
 *
 * Print view never asks for a frame. Most demos draw nothing along the way there: they fast-forward the scenario
 * and draw its final state once ('never'). A few draw at once on every change instead ('at-once'), because what
 * they draw along the way decides what the page ends with (the workshop step opens the first span in error it
 * sees, once per trace).
 */
export interface Redraw {
  request(): void;
  cancel(): void;
  readonly pending: boolean;
}

export type RedrawTiming = 'next-frame' | 'at-once' | 'never';

export function createRedraw(timing: RedrawTiming, draw: () => void): Redraw {
  let frame = 0;
  const run = (): void => {
    frame = 0;
    draw();
  };
  return {
    request() {
      if (timing === 'at-once') draw();
      else if (timing === 'next-frame' && frame === 0) frame = requestAnimationFrame(run);
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
