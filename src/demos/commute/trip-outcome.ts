/**
 * How a journey went, in the commuter's own words, for the status beside the trace: what held them up most, and
 * when they arrived. Pure, so it can be tested without a page.
 */
import { clockTime, DUE_MIN, type CommuteSummary } from '../../sim/commute';

export function outcome(summary: CommuteSummary): string[] {
  const arrived = `Arrived at ${clockTime(summary.arrivalMin)}`;
  const worst = summary.legs.reduce<CommuteSummary['legs'][number] | undefined>(
    (a, b) => (a === undefined || b.delayMin > a.delayMin ? b : a),
    undefined,
  );
  return [
    worst && worst.delayMin > 0
      ? `Held up ${Math.round(worst.delayMin)} min by ${worst.delayCause} on the ${worst.name}.`
      : 'No delays on the way.',
    summary.late
      ? `${arrived}: ${summary.minutesLate} min late.`
      : `${arrived}: on time, ${Math.max(0, DUE_MIN - Math.floor(summary.arrivalMin))} min to spare.`,
  ];
}
