import '../kit/demo.css';
import './service-map.css';
import type { DemoRegistration } from '../demo';
import { createLazyDemo } from '../kit/lazy-demo';

/**
 * `<div data-demo="service-map">`: the matchmaker under steady traffic, drawn live as a service map. Its code (and
 * dagre, the layout library) loads with its slide, not with the first one.
 */
export const registration: DemoRegistration = {
  name: 'service-map',
  create: () => createLazyDemo(() => import('./service-map-demo').then((m) => m.createServiceMapDemo), 'the service map'),
};
