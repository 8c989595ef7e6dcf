import '../kit/demo.css';
import './audience.css';
import type { DemoRegistration } from '../demo';
import { createLazyDemo } from '../kit/lazy-demo';

/**
 * `<div data-demo="audience">`: the room's phones as clients of the matchmaker, through `npm run audience`'s relay.
 * Its code (socket.io's client, the QR encoder, dagre for the map) loads with its slide, not with the first one.
 */
export const registration: DemoRegistration = {
  name: 'audience',
  create: () => createLazyDemo(() => import('./audience-demo').then((m) => m.createAudienceDemo), 'the room'),
};
