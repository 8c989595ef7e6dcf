/**
 * The taster's judgement: how well a donut goes with a beer, from their flavour notes. Shared notes echo each other,
 * some pairs contrast well (bitter cuts sweet, tart lifts cream), a few clash.
 */
import type { Note } from './data';

const CONTRASTS: ReadonlyArray<readonly [Note, Note, number]> = [
  ['bitter', 'sweet', 0.5],
  ['bitter', 'caramel', 0.3],
  ['citrus', 'lemon', 0.6],
  ['tropical', 'tart', 0.3],
  ['roast', 'sweet', 0.35],
  ['roast', 'maple', 0.4],
  ['coffee', 'cream', 0.45],
  ['tart', 'cream', 0.4],
  ['tart', 'sweet', 0.3],
  ['crisp', 'sweet', 0.25],
  ['spice', 'cinnamon', 0.55],
  ['banana', 'vanilla', 0.4],
  ['clove', 'cinnamon', 0.5],
  ['smoke', 'maple', 0.6],
  ['malt', 'bread', 0.3],
  ['honey', 'crisp', 0.2],
  ['berry', 'chocolate', 0.35],
  ['pine', 'chocolate', -0.3],
  ['bitter', 'tart', -0.35],
  ['smoke', 'lemon', -0.4],
  ['citrus', 'coffee', -0.3],
];

/** A score in [0, 1]: 0.5 is indifferent, higher goes better. */
export function pairingScore(beerNotes: readonly Note[], donutNotes: readonly Note[]): number {
  let raw = 0;
  for (const b of beerNotes) {
    for (const d of donutNotes) {
      if (b === d) raw += 0.35;
      for (const [x, y, weight] of CONTRASTS) if (x === b && y === d) raw += weight;
    }
  }
  // Squash into (0, 1) so scores read like a rating and differences near the top stay visible.
  return Math.round((1 / (1 + Math.exp(-raw))) * 1000) / 1000;
}
