/**
 * The time axis above the rows: round ticks from 0 to the trace's end, in the same grid columns as the rows so that
 * a tick lines up with the bars below it. It also sets the step of the rows' vertical grid lines (a CSS background,
 * so no row does any work for them).
 */
import type { TraceModel } from '../../telemetry/trace-model';
import { timeTicks } from '../time-format';

/** Room per tick label: "1.25 s" or "400 ms" at 16 px is about 55 px, so labels never touch. */
const PX_PER_TICK = 64;
/** A generous width of a tick label at 16 px, with its 4 px padding. */
const labelPx = (label: string): number => label.length * 9 + 8;
/** Labels may spill this far into the track's right margin before they flip to the left of their tick. */
const SPILL_PX = 12;
/** Space kept between an end label and the label before it. */
const GAP_PX = 10;

export interface TimeAxisView {
  readonly element: HTMLDivElement;
  /** The element whose width is the bars' track: measured by the view for label placement. */
  readonly trackElement: HTMLDivElement;
  update(model: TraceModel | null, trackPx: number, gridHost: HTMLElement): void;
}

export function createTimeAxisView(): TimeAxisView {
  const element = document.createElement('div');
  element.className = 'wf-axis';
  element.setAttribute('aria-hidden', 'true');
  const heading = document.createElement('div');
  heading.className = 'wf-axis-heading';
  heading.textContent = 'Service · span';
  const trackElement = document.createElement('div');
  trackElement.className = 'wf-axis-track';
  element.append(heading, trackElement);
  let drawnKey = '';

  return {
    element,
    trackElement,
    update(model, trackPx, gridHost) {
      const maxTicks = Math.max(2, Math.floor(trackPx / PX_PER_TICK));
      const ticks = timeTicks(model?.durationMs ?? 0, maxTicks);
      // A live trace redraws on every span; the ticks only change when the duration or the width does.
      const key = `${trackPx}|${ticks.map((t) => `${t.frac}:${t.label}`).join('|')}`;
      if (key === drawnKey) return;
      drawnKey = key;
      let previousEndPx = -Infinity;
      trackElement.replaceChildren(
        ...ticks.map((tick) => {
          const el = document.createElement('span');
          el.className = 'wf-tick';
          el.style.left = `${tick.frac * 100}%`;
          const tickPx = tick.frac * trackPx;
          const widthPx = labelPx(tick.label);
          if (tickPx + widthPx <= trackPx + SPILL_PX) {
            el.textContent = tick.label;
            previousEndPx = tickPx + widthPx;
          } else {
            // Near the end: the label goes left of its line, unless it would run into the previous label.
            el.classList.add('wf-tick--end');
            // The label width is an estimate (a few px short for some fonts): keep a gap of GAP_PX on top.
            if (tickPx - widthPx >= previousEndPx + GAP_PX) el.textContent = tick.label;
          }
          return el;
        }),
      );
      const stepFrac = ticks[1]?.frac ?? 1;
      gridHost.style.setProperty('--wf-grid-step', `${stepFrac * 100}%`);
    },
  };
}
