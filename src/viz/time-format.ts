/**
 * Durations as people read them, and the round ticks of a time axis. Pure functions, no DOM.
 *
 * Everything is in milliseconds, the unit of the trace model; the names say which space a number lives in.
 */

/** One tick of a time axis. */
export interface TimeTick {
  /** Offset from the start of the trace, ms. */
  readonly ms: number;
  /** Position across the axis, 0 at the trace's start and 1 at its end. */
  readonly frac: number;
  readonly label: string;
}

const MS_PER_S = 1000;
const MS_PER_MIN = 60 * MS_PER_S;
const MS_PER_H = 60 * MS_PER_MIN;
const MS_PER_D = 24 * MS_PER_H;

/** Sub-minute units, smallest first, with how many ms one of them is. */
const UNITS: ReadonlyArray<readonly [string, number]> = [
  ['ns', 1e-6],
  ['µs', 1e-3],
  ['ms', 1],
  ['s', MS_PER_S],
];

/** Three significant digits, without exponent notation: 1.24, 12.3, 850. */
function threeDigits(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/**
 * A duration with three significant digits in the unit that suits it: "850 µs", "12.3 ms", "1.24 s", then
 * "2 min 5 s", "1 h 2 min", "3 d 4 h" for long ones. Never throws: NaN and infinities give "—", negatives get a
 * minus sign (clock skew between services can make a child start "before" its parent).
 */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 0) return `-${formatDuration(-ms)}`;
  if (ms === 0) return '0 ms';
  // From 59.95 s up, three digits would round to "60.0 s": say "1 min" instead.
  if (ms < MS_PER_MIN - 50) {
    // Round first, then pick the unit, so 999.96 µs reads "1.00 ms" rather than "1000 µs".
    for (let u = 0; u < UNITS.length; u++) {
      const [unit, size] = UNITS[u]!;
      const rounded = Number((ms / size).toPrecision(3));
      if (rounded < 1000 || u === UNITS.length - 1) return `${threeDigits(rounded)} ${unit}`;
    }
  }
  return formatLong(ms);
}

/** Minutes and up: two units, the smaller one rounded, as a clock would say it. */
function formatLong(ms: number): string {
  if (ms < MS_PER_H - MS_PER_S / 2) {
    const s = Math.round(ms / MS_PER_S);
    return twoUnits(Math.floor(s / 60), 'min', s % 60, 's');
  }
  if (ms < MS_PER_D - MS_PER_MIN / 2) {
    const min = Math.round(ms / MS_PER_MIN);
    return twoUnits(Math.floor(min / 60), 'h', min % 60, 'min');
  }
  const h = Math.round(ms / MS_PER_H);
  return twoUnits(Math.floor(h / 24), 'd', h % 24, 'h');
}

function twoUnits(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${big} ${bigUnit}` : `${big} ${bigUnit} ${small} ${smallUnit}`;
}

/** The smallest 1, 2 or 5 × 10^k that is at least `ms`. */
export function niceStepMs(ms: number): number {
  if (!(ms > 0) || !Number.isFinite(ms)) return 1;
  const power = 10 ** Math.floor(Math.log10(ms));
  for (const m of [1, 2, 5, 10]) {
    // The tolerance absorbs float error: 0.3 / 0.1 is 2.9999999999999996.
    if (m * power >= ms * (1 - 1e-9)) return m * power;
  }
  return 10 * power;
}

/**
 * Round ticks from 0 across a trace of `durationMs`, at most `maxTicks` of them (0 included), spaced by a
 * 1/2/5 × 10^k step and labelled in the unit of the last tick, with as many decimals as the step needs:
 * "0 s", "0.5 s", "1.0 s". A trace of zero (or invalid) length gets the single tick 0.
 */
export function timeTicks(durationMs: number, maxTicks: number): TimeTick[] {
  const max = Math.max(1, Math.floor(Number.isFinite(maxTicks) ? maxTicks : 1));
  if (!(durationMs > 0) || !Number.isFinite(durationMs) || max === 1) return [{ ms: 0, frac: 0, label: '0 ms' }];
  // From two minutes up the axis counts minutes, in round minutes (a 50-minute commute reads "0 min … 50 min", as
  // its rows do, not "0 s … 3000 s"); below that, a 1/2/5 step in the unit of the last tick.
  const inMinutes = durationMs >= 2 * MS_PER_MIN;
  const stepMs = inMinutes ? niceStepMs(durationMs / (max - 1) / MS_PER_MIN) * MS_PER_MIN : niceStepMs(durationMs / (max - 1));
  const count = Math.floor(durationMs / stepMs + 1e-9) + 1;
  // One unit for the whole axis, the one of its last tick: "0 s, 0.5 s, 1.0 s" rather than "500 ms, 1000 ms".
  // With room for one tick only (a narrow axis), 0 takes the unit of the trace itself: "0 ms", not "0 ns".
  const [unit, size] = inMinutes ? (['min', MS_PER_MIN] as const) : tickUnit(count > 1 ? (count - 1) * stepMs : durationMs);
  const stepInUnit = stepMs / size;
  const decimals = Math.max(0, -Math.floor(Math.log10(stepInUnit) + 1e-9));
  const ticks: TimeTick[] = [];
  for (let i = 0; i < count; i++) {
    const ms = Number((i * stepMs).toPrecision(12));
    const label = i === 0 ? `0 ${unit}` : `${(i * stepInUnit).toFixed(decimals)} ${unit}`;
    ticks.push({ ms, frac: Math.min(1, ms / durationMs), label });
  }
  return ticks;
}

/** The largest unit in which `ms` is at least 1. */
function tickUnit(ms: number): readonly [string, number] {
  let chosen = UNITS[0]!;
  for (const unit of UNITS) if (ms >= unit[1] * (1 - 1e-9)) chosen = unit;
  return chosen;
}
