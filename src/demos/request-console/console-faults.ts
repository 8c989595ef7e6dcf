/**
 * What each of the console's fault switches changes in the matchmaker's faults. Pure, so a test can check on the
 * seeded system that each switch has a visible effect.
 */
import type { FaultSettings } from '../../sim/faults';

export type FaultSwitch = 'taster-down' | 'slow' | 'errors' | 'timeout';

/**
 * web's client timeout for its calls to taster. taster thinks 35–70 ms plus about 1 ms per tasting note, and the hops
 * add a few: 45–90 ms a call. At 60 ms roughly half the calls give up (ETIMEDOUT) while taster still finishes its
 * span, and the pairing still answers 200 from the rest; at 150 ms the switch never fired.
 */
const CONSOLE_TIMEOUT_MS = 60;

export const FAULT_LABELS: ReadonlyArray<readonly [FaultSwitch, string]> = [
  ['slow', 'Slow hops'],
  ['errors', 'Errors (30%)'],
  ['taster-down', 'taster down'],
  ['timeout', `Timeout ${CONSOLE_TIMEOUT_MS} ms`],
];

/** The change one switch makes to the current faults. */
export function faultChange(fault: FaultSwitch, on: boolean, current: Readonly<FaultSettings>): Partial<FaultSettings> {
  if (fault === 'taster-down') return { down: on ? [...current.down, 'taster'] : current.down.filter((h) => h !== 'taster') };
  if (fault === 'slow') return { slowRate: on ? 0.3 : 0 };
  if (fault === 'errors') return { errorRate: on ? 0.3 : 0 };
  return { clientTimeoutMs: on ? CONSOLE_TIMEOUT_MS : 0 };
}
