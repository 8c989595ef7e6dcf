/**
 * One morning in the city: the weather hour by hour, a possible signal failure on the Orange line, and the rush-hour
 * traffic. Drawn once per morning from a seeded stream, then read as pure functions of the time of day, so every
 * commuter out at 08:20 meets the same shower and the same broken signal, which is what makes "who was late, and
 * why?" answerable from the traces.
 *
 * Times of day are minutes since midnight (08:20 is 500); `clockTime` writes them as people read them.
 */
import type { Random } from '../random';

export type Weather = 'sunny' | 'cloudy' | 'rain';

/** A stretch of the morning, [fromMin, toMin) in minutes since midnight. */
interface TimeWindow {
  readonly fromMin: number;
  readonly toMin: number;
}

export interface Morning {
  /** 0 for the first morning simulated, 1 for the next, ... */
  readonly index: number;
  /** "Monday", "Tuesday", ... (`commute.day`). */
  readonly day: string;
  /** The sky when it is not raining. */
  readonly sky: Exclude<Weather, 'rain'>;
  readonly shower: TimeWindow | undefined;
  /** A signal failure on the Orange line: trains boarded inside it are held. */
  readonly signalFailure: TimeWindow | undefined;
}

/** Everyone is due at the office at 09:00. */
export const DUE_MIN = 9 * 60;
/** Nobody leaves home before 07:15. */
export const EARLIEST_DEPARTURE_MIN = 7 * 60 + 15;
/** Rush hour is worst around 08:20. */
const RUSH_PEAK_MIN = 8 * 60 + 20;

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;

/**
 * Draw morning number `index`. Each morning gets its own fork of `random`, so the weather of Wednesday is the
 * same whether or not Tuesday was simulated in between.
 */
export function drawMorning(random: Random, index: number): Morning {
  const r = random.fork(`morning-${index}`);
  const sky = r.chance(0.55) ? 'sunny' : 'cloudy';
  // Showers and signal failures fall inside the commuting window (07:45 to 09:00) more often than not, since a
  // morning where nothing happens teaches little; how often is what a presenter rehearses with the seed.
  const shower = r.chance(0.6) ? drawWindow(r, 7 * 60 + 45, 8 * 60 + 40, 15, 50) : undefined;
  const failing = r.chance(0.5);
  // The first morning always has a signal failure across the busiest boarding times, whatever the seed: it is
  // the story the chapter's figures tell, so the first live click and the first "who was late?" show it too.
  let signalFailure: TimeWindow | undefined;
  if (index === 0) signalFailure = drawWindow(r, 7 * 60 + 55, 8 * 60 + 8, 25, 35);
  else if (failing) signalFailure = drawWindow(r, 7 * 60 + 50, 8 * 60 + 30, 15, 35);
  return { index, day: DAYS[index % DAYS.length]!, sky, shower, signalFailure };
}

function drawWindow(r: Random, earliestStart: number, latestStart: number, shortest: number, longest: number): TimeWindow {
  const fromMin = Math.round(r.between(earliestStart, latestStart));
  return { fromMin, toMin: fromMin + Math.round(r.between(shortest, longest)) };
}

const inside = (w: TimeWindow | undefined, min: number): boolean => w !== undefined && min >= w.fromMin && min < w.toMin;

export function weatherAt(morning: Morning, min: number): Weather {
  return inside(morning.shower, min) ? 'rain' : morning.sky;
}

export function signalFailureAt(morning: Morning, min: number): boolean {
  return inside(morning.signalFailure, min);
}

/**
 * The chance that a road vehicle is held up in traffic when it sets off at `min`: under 0.1 off-peak, 0.45 at the
 * 08:20 peak, and rain adds 0.15 (everyone who would have walked takes the car).
 */
export function trafficAt(morning: Morning, min: number): number {
  const rush = Math.exp(-(((min - RUSH_PEAK_MIN) / 22) ** 2));
  return Math.min(0.9, 0.08 + 0.37 * rush + (weatherAt(morning, min) === 'rain' ? 0.15 : 0));
}

/** "08:05" for 485; times past midnight wrap. The minute is rounded down, as a clock shows it. */
export function clockTime(min: number): string {
  const whole = ((Math.floor(min) % 1440) + 1440) % 1440;
  const hh = Math.floor(whole / 60);
  const mm = whole % 60;
  return `${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}
