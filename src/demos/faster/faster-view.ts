/**
 * The "Make it faster" demo's DOM: a switch per fix (with the worker pool's cap beside parallel and the TTL beside
 * the cache), "Run before and after", a status line, the route's percentiles before and after over a burst of
 * seeded traffic, and the two pairing traces' diff. It knows nothing of the simulation; every value is set as text.
 */
import { createTraceDiffView, type TraceDiffView } from '../../viz/trace-diff/trace-diff-view';
import { createButton, createResetButton } from '../kit/buttons';
import { el, setBusy, uniqueId } from '../kit/dom';
import { DEFAULT_OPTIONS, FIX_IDS, FIXES, type FixId, type FixOptions } from './fixes';

export interface FasterViewHandlers {
  run(): void;
  reset(): void;
}

export interface FasterView {
  readonly element: HTMLElement;
  readonly diff: TraceDiffView;
  /** The fixes switched on, and their options, as the learner left them. */
  chosen(): { on: Set<FixId>; options: FixOptions };
  /** Put the switches back: only `preset` on, default options. */
  preset(on: readonly FixId[]): void;
  showStatus(text: string): void;
  /** The lines under the switches: percentiles, first byte, cache. */
  showSummary(lines: readonly string[]): void;
  setBusy(busy: boolean): void;
}

const POOLS: ReadonlyArray<readonly [number, string]> = [
  [0, 'no cap'],
  [3, 'pool of 3'],
  [1, 'pool of 1'],
];
const TTLS: ReadonlyArray<readonly [number, string]> = [
  [60_000, 'TTL 1 min'],
  [2_000, 'TTL 2 s'],
];

function select(label: string, choices: ReadonlyArray<readonly [number, string]>, initial: number): { box: HTMLElement; input: HTMLSelectElement } {
  const id = uniqueId('faster-opt');
  const input = el('select', { id, class: 'faster-select' });
  for (const [value, text] of choices) input.append(el('option', { value: String(value) }, text));
  input.value = String(initial);
  return { box: el('span', { class: 'faster-opt' }, el('label', { for: id, class: 'faster-sr' }, label), input), input };
}

export function createFasterView(h: FasterViewHandlers): FasterView {
  const boxes = new Map<FixId, HTMLInputElement>();
  const pool = select('Worker pool for parallel tastings', POOLS, DEFAULT_OPTIONS.workerPool);
  const ttl = select('Time to live of cached scores', TTLS, DEFAULT_OPTIONS.cacheTtlMs);
  const switches = el('fieldset', { class: 'faster-switches' }, el('legend', { class: 'demo-label' }, 'Fixes'));
  for (const id of FIX_IDS) {
    const inputId = uniqueId(`faster-${id}`);
    const box = el('input', { type: 'checkbox', id: inputId, class: 'faster-check', 'data-fix': id });
    boxes.set(id, box);
    const extra = id === 'parallel' ? [pool.box] : id === 'cache' ? [ttl.box] : [];
    switches.append(el('span', { class: 'faster-switch' }, box, el('label', { for: inputId }, FIXES[id].label), ...extra));
  }
  const run = createButton('Run before and after', () => h.run(), { primary: true, className: 'faster-run' });
  const reset = createResetButton(() => h.reset());
  const status = el('p', { class: 'faster-status', role: 'status' }, 'Switch a fix on, then run before and after.');
  const summary = el('ul', { class: 'faster-summary', 'aria-label': 'The pairing route before and after' });
  const diff = createTraceDiffView({ label: 'The two pairing traces compared', emptyText: 'The two pairing traces, aligned span by span, appear here.' });
  const element = el(
    'div',
    { class: 'demo-box faster' },
    switches,
    el('div', { class: 'demo-toolbar faster-toolbar' }, run, reset, status),
    summary,
    diff.element,
  );
  return {
    element,
    diff,
    chosen: () => ({
      on: new Set(FIX_IDS.filter((id) => boxes.get(id)!.checked)),
      options: { workerPool: Number(pool.input.value), cacheTtlMs: Number(ttl.input.value) },
    }),
    preset(on) {
      for (const [id, box] of boxes) box.checked = on.includes(id);
      pool.input.value = String(DEFAULT_OPTIONS.workerPool);
      ttl.input.value = String(DEFAULT_OPTIONS.cacheTtlMs);
    },
    showStatus: (text) => {
      status.textContent = text;
    },
    showSummary(lines) {
      summary.replaceChildren(...lines.map((line) => el('li', {}, line)));
    },
    setBusy: (busy) => setBusy(run, busy),
  };
}
