/** Seeded, steady traffic on a simulated system: see traffic-generator.ts. */
export { arrivalGapMs, isValidRate, MIN_GAP_MS, type ArrivalProcess } from './arrivals';
export { createTrafficGenerator, DEFAULT_RATE_PER_SECOND, statusIsFailure } from './traffic-generator';
export type {
  BatchOptions,
  BatchResult,
  TrafficCounts,
  TrafficGenerator,
  TrafficOptions,
  TrafficRequest,
  TrafficRoute,
  TrafficSnapshot,
  TrafficState,
} from './traffic-types';
export { weightedMix, type Weighted, type WeightedMix } from './weighted-mix';
export { bindPaths, pickOne, type PathRow } from './path-mix';
