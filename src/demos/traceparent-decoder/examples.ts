/**
 * Example headers for the decoder: the W3C specification's own valid example, and one header for each classic way
 * to get it wrong. Each invalid one breaks exactly the rule its label names.
 */
const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';

export const EXAMPLES: ReadonlyArray<readonly [label: string, header: string]> = [
  ['Valid (W3C example)', `00-${TRACE}-${PARENT}-01`],
  ['Not sampled', `00-${TRACE}-${PARENT}-00`],
  ['All-zero trace id', `00-${'0'.repeat(32)}-${PARENT}-01`],
  ['Upper case', `00-${TRACE.toUpperCase()}-${PARENT.toUpperCase()}-01`],
  ['Version ff', `ff-${TRACE}-${PARENT}-01`],
  ['Wrong length', `00-${TRACE.slice(0, 30)}-${PARENT}-1`],
];

/**
 * Which example chip shows as pressed: the first whose header is what the field holds (-1 for none), so exactly one
 * chip looks current, or none once the header has been edited. `chips` lists each chip's header in order; a chip with
 * nothing to offer yet (the request's own header before it is sent) is `undefined`.
 */
export function pressedChip(field: string, chips: readonly (string | undefined)[]): number {
  return field === '' ? -1 : chips.findIndex((header) => header === field);
}
