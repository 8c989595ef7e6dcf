/**
 * One colour per service, stable down a waterfall and across its live updates.
 *
 * The palette is Okabe–Ito's blue and Paul Tol's orange, green, purple and indigo, darkened until each has a
 * contrast of at least 4.5:1 with white (so white text may sit on a bar) and so at least 4.5:1 with the deck's
 * background #fdfdfc (well over the 3:1 that WCAG asks of graphics), and on the pale yellow a new row flashes in
 * (`--wf-new` in waterfall.css), since service names are text on it. Simulated with Machado et al.'s matrices,
 * the first five stay at least ΔE 13 apart for deuteranopia, protanopia and tritanopia alike; the last three are
 * extras for bigger systems and resemble earlier ones under some deficiencies. Colour is never the only cue: each
 * row prints its service's name, and the legend does too. Red is left out: it means "error" in these views.
 */
import { fnv1a32 } from '../../lib/fnv1a';

/** Service colours in the order services are met; the first five are the most distinct. */
export const SERVICE_PALETTE: readonly string[] = [
  '#0072b2', // blue       5.2:1 on white
  '#b04a00', // orange     5.5:1 (4.8:1 on the new-row flash)
  '#1b7837', // green      5.5:1
  '#aa3377', // purple     6.1:1
  '#332288', // indigo    12.2:1
  '#4d5b6a', // slate      7.0:1
  '#7a5c00', // ochre      6.3:1
  '#117777', // teal       5.3:1
];

/** The colour that marks errors, kept apart from the services' colours (5.9:1 on the deck's background). */
export const ERROR_COLOR = '#c8102e';

/**
 * The colour of `service`: chosen by its position in `services` (the model's first-appearance order), so the
 * root's service is always blue and a growing live trace never recolours a service already shown. Services beyond
 * the palette reuse it in turn; a service missing from the list (should not happen) is hashed to a stable colour.
 */
export function serviceColor(service: string, services: readonly string[]): string {
  let index = services.indexOf(service);
  // Hashed only to keep an unlisted service's colour from flickering between updates.
  if (index < 0) index = fnv1a32(service);
  return SERVICE_PALETTE[index % SERVICE_PALETTE.length]!;
}

/**
 * The order colours are handed out in: the services a view was told about up front (a system's services, so that
 * two traces of one system side by side colour each service alike), then any other service in the order met.
 */
export function colorOrder(known: readonly string[], seen: readonly string[]): readonly string[] {
  if (known.length === 0) return seen;
  const extra = seen.filter((s) => !known.includes(s));
  return extra.length === 0 ? known : [...known, ...extra];
}
