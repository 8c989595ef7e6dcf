/**
 * The traffic toolbar for the slides on many requests: a rate menu, "Send 100 requests", a toggle for continuous
 * traffic, and a counter line. It drives a `TrafficGenerator` (src/sim/traffic) and shows its counters; `connect`
 * binds it to the generator of the world just made (a reset makes a new one), `connect(undefined)` lets go.
 *
 * The toggle's name stays "Run continuously" and `aria-pressed` tells whether it runs: a toggle whose label flips
 * between Start and Pause would be heard as "Pause, pressed" while running, which reads as paused (WAI-ARIA APG:
 * a toggle's label must not change with its state). The counter line is a polite live region updated at most once
 * per `throttleMs`, so a screen reader hears a sentence, not a ticker.
 */
import type { TrafficGenerator, TrafficSnapshot } from '../../sim/traffic';
import { el, setBusy, uniqueId } from './dom';
import { batchLabel, formatRate, formatTrafficLine, REQUESTS, throttleDelayMs, TRAFFIC_RATES, type Noun } from './traffic-text';

/** The timers the counter line is throttled with; injectable for tests. */
interface ThrottleTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface TrafficControlsOptions {
  /** Rates offered, requests per simulated second (default 1, 5, 20, 50). */
  readonly rates?: readonly number[];
  /** The rate selected at first; the generator's own rate once connected. */
  readonly initialRate?: number;
  /** How many "Send N" sends (default 100). */
  readonly batchSize?: number;
  readonly noun?: Noun;
  /** Wall ms between two counter lines (default 1,000). */
  readonly throttleMs?: number;
  readonly timers?: ThrottleTimers;
}

export interface TrafficControls {
  readonly element: HTMLElement;
  /** Drive this generator (and show its counters); undefined disconnects. */
  connect(traffic: TrafficGenerator | undefined): void;
  /** Disconnect and cancel the pending counter update. */
  dispose(): void;
}

const pageTimers: ThrottleTimers = {
  now: () => performance.now(),
  setTimeout: (cb, ms) => setTimeout(cb, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export function createTrafficControls(options: TrafficControlsOptions = {}): TrafficControls {
  const rates = options.rates ?? TRAFFIC_RATES;
  const batchSize = options.batchSize ?? 100;
  const noun = options.noun ?? REQUESTS;
  const throttleMs = options.throttleMs ?? 1000;
  const timers = options.timers ?? pageTimers;

  const rateId = uniqueId('traffic-rate');
  const select = el('select', { id: rateId, class: 'traffic-rate' });
  for (const rate of rates) select.append(el('option', { value: String(rate) }, formatRate(rate)));
  select.value = String(options.initialRate ?? rates[0]);
  const batch = el('button', { type: 'button', class: 'traffic-batch' }, batchLabel(batchSize, noun));
  const toggle = el('button', { type: 'button', class: 'traffic-toggle', 'aria-pressed': 'false' }, 'Run continuously');
  const line = el('p', { class: 'traffic-counts', role: 'status', 'aria-live': 'polite' }, formatTrafficLine(idle(), noun));
  const element = el(
    'div',
    { class: 'traffic-controls', role: 'toolbar', 'aria-label': `${noun.one[0]!.toUpperCase()}${noun.one.slice(1)} traffic` },
    el('span', { class: 'traffic-rate-box' }, el('label', { for: rateId }, 'Rate'), select),
    batch,
    toggle,
    line,
  );

  let traffic: TrafficGenerator | undefined;
  let unsubscribe: (() => void) | undefined;
  let batchPending = false;
  let lastLineMs: number | undefined;
  let pendingLine: unknown;
  let latest: TrafficSnapshot = idle();

  const writeLine = (): void => {
    pendingLine = undefined;
    lastLineMs = timers.now();
    line.textContent = formatTrafficLine(latest, noun);
  };
  const cancelLine = (): void => {
    if (pendingLine !== undefined) timers.clearTimeout(pendingLine);
    pendingLine = undefined;
  };

  const show = (s: TrafficSnapshot): void => {
    latest = s;
    const running = s.state === 'running' && s.continuous;
    toggle.setAttribute('aria-pressed', String(running));
    // A rate set in code that the menu lacks gets its own option, so the menu never shows a rate that is not running.
    const value = String(s.ratePerSecond);
    if (![...select.options].some((o) => o.value === value)) select.append(el('option', { value }, formatRate(s.ratePerSecond)));
    select.value = value;
    if (pendingLine !== undefined) return;
    const wait = throttleDelayMs(lastLineMs, timers.now(), throttleMs);
    if (wait === 0) writeLine();
    else pendingLine = timers.setTimeout(writeLine, wait);
  };

  select.addEventListener('change', () => traffic?.setRate(Number(select.value)));
  toggle.addEventListener('click', () => {
    if (!traffic) return;
    const s = traffic.snapshot();
    if (s.state === 'running' && s.continuous) traffic.pause();
    else traffic.start();
  });
  batch.addEventListener('click', () => {
    // One batch at a time: pressing again while it runs is ignored (the button says so), not queued.
    if (!traffic || batchPending) return;
    const mine = traffic;
    batchPending = true;
    setBusy(batch, true);
    void mine.sendBatch(batchSize).then(() => {
      if (traffic !== mine) return;
      batchPending = false;
      setBusy(batch, false);
    });
  });

  function connect(next: TrafficGenerator | undefined): void {
    unsubscribe?.();
    unsubscribe = undefined;
    traffic = next;
    batchPending = false;
    setBusy(batch, false);
    if (!next) {
      cancelLine();
      latest = idle();
      writeLine();
      return;
    }
    unsubscribe = next.subscribe(show);
    show(next.snapshot());
  }

  return {
    element,
    connect,
    dispose() {
      unsubscribe?.();
      unsubscribe = undefined;
      traffic = undefined;
      cancelLine();
    },
  };
}

function idle(): TrafficSnapshot {
  return { sent: 0, answered: 0, failed: 0, inFlight: 0, state: 'idle', continuous: false, queued: 0, ratePerSecond: 0 };
}
