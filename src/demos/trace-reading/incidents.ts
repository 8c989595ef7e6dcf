/**
 * The incidents of the trace-reading exercise: what a customer reports, and the fault behind it. The fault is only
 * switched on in the simulated matchmaker; what the trace then shows (and so the right answers) is whatever the
 * seeded run produces, computed from the spans by viz/trace-questions.ts, never written down here.
 */
import type { FaultSettings } from '../../sim/faults';

export interface Incident {
  /** What the ticket says, in the customer's words. */
  readonly ticket: string;
  readonly path: string;
  readonly faults: Partial<FaultSettings>;
  /** What the ticket is about: a failure, or time. A seeded replay may, now and then, not show it. */
  readonly about: 'failure' | 'time';
}

export const INCIDENTS: readonly Incident[] = [
  {
    ticket: '“Customers get a 502 when they ask for a pairing.”',
    path: '/pair/beer?name=stout',
    faults: { down: ['taster'] },
    about: 'failure',
  },
  {
    ticket: '“Pairing feels much slower than yesterday.”',
    // One hop or query in about eight is held up, as a congested link or a cold cache would.
    path: '/pair/beer?name=ipa',
    faults: { slowRate: 0.12, slowExtraMs: 450 },
    about: 'time',
  },
  {
    ticket: '“Some pairings come back with fewer donuts tasted.”',
    // taster takes 60–90 ms a call: with a 75 ms budget, some calls give up while taster is still working.
    path: '/pair/beer?name=porter',
    faults: { clientTimeoutMs: 75 },
    about: 'failure',
  },
  {
    ticket: '“Every so often a request just fails.”',
    path: '/pair/beer?name=pilsner',
    faults: { errorRate: 0.2 },
    about: 'failure',
  },
];

/**
 * The headline of the `count`-th ticket (1 for the first): the four tickets go round, so the fifth is ticket 1 again,
 * never a "Ticket 5" on a slide of four.
 */
export function ticketHeadline(count: number, incident: Incident): string {
  return `Ticket ${((count - 1) % INCIDENTS.length) + 1}: ${incident.ticket}`;
}

/**
 * How the ticket reports the answer: the time is the trace's own (its root span, in whole ms), so the number on the
 * ticket is the number the learner reads on the root's bar. The time the replay client waited also counts the hop
 * into `web`, which no span covers (ticket 2's slow hops added 450 ms there that the trace cannot explain).
 */
export function answeredLine(status: number, statusText: string, rootMs: number | undefined): string {
  const took = rootMs === undefined ? '' : ` in ${rootMs.toFixed(0)} ms`;
  return `It answered ${status} ${statusText}${took}.`;
}
