/**
 * Waiting for frames. `afterNextPaint` resolves once the browser has run a frame's animation callbacks, style,
 * layout and paint: a task posted from inside a `requestAnimationFrame` callback runs after that frame's rendering
 * (the pattern behind `requestPostAnimationFrame` polyfills). It resolves with the frame's start time, so
 * `resolvedAt - frameStart` is the main-thread work of that frame.
 */

export function nextFrame(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(resolve));
}

export function afterNextPaint(): Promise<{ frameStartMs: number; doneMs: number }> {
  return new Promise((resolve) => {
    requestAnimationFrame((frameStartMs) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve({ frameStartMs, doneMs: performance.now() });
      };
      channel.port2.postMessage(null);
    });
  });
}

/** Collect garbage when the page was started with `--js-flags=--expose-gc` (bench/run.mjs does). */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * Scroll a waterfall's rows by 20 rows of 32 px a frame, `steps` times, and give each frame's main-thread time:
 * a fling fast enough that nearly every drawn row is rebound in each frame.
 */
export async function scrollFrames(container: HTMLElement, steps: number): Promise<number[]> {
  const scrollEl = container.querySelector<HTMLElement>('.wf-scroll')!;
  const frameMs: number[] = [];
  for (let i = 0; i < steps; i++) {
    await afterNextPaint();
    scrollEl.scrollTop += 20 * 32;
    const { frameStartMs, doneMs } = await afterNextPaint();
    frameMs.push(doneMs - frameStartMs);
  }
  return frameMs;
}
