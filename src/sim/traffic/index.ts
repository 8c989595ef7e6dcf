/** Seeded, steady traffic on a simulated system: see traffic-generator.ts. */
export { createTrafficGenerator } from './traffic-generator';
export type {
  TrafficCounts,
  TrafficGenerator,
  TrafficRoute,
  TrafficSnapshot,
} from './traffic-types';
export type { Weighted } from './weighted-mix';
export { bindPaths, pickOne, type PathRow } from './path-mix';
export { pathFromMix, runClosedLoop } from './closed-loop';
