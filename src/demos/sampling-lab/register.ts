import '../kit/demo.css';
import './sampling-lab.css';
import type { DemoRegistration } from '../demo';
import { createLazyDemo } from '../kit/lazy-demo';

/**
 * `<div data-demo="sampling-lab" data-view="head|consistent|tail|unitary|xray">`: the sampling lab. Its code loads
 * with its slide.
 */
export const registration: DemoRegistration = {
  name: 'sampling-lab',
  create: () => createLazyDemo(() => import('./lab-demo').then((m) => m.createSamplingLabDemo), 'the sampling lab'),
};
