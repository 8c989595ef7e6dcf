import '../kit/demo.css';
import '../../viz/trace-diff/trace-diff.css';
import './faster.css';
import type { DemoRegistration } from '../demo';
import { createLazyDemo } from '../kit/lazy-demo';

/**
 * `<div data-demo="faster" data-fix="parallel">`: the matchmaker before and after a performance fix, the two
 * pairing traces diffed and the route's p50/p95 compared. Its code loads with its slide.
 */
export const registration: DemoRegistration = {
  name: 'faster',
  create: () => createLazyDemo(() => import('./faster-demo').then((m) => m.createFasterDemo), 'the before-and-after demo'),
};
