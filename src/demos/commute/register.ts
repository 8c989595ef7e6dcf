// The kit's shared chrome (its own cascade layer, under every demo's rules), then this demo's own.
import '../kit/demo.css';
import './commute.css';
import type { DemoRegistration } from '../demo';
import { createCommuteDemo } from './commute-demo';

/**
 * `<div data-demo="commute" data-commute="trip">` (one commuter's journey as a live trace) and
 * `<div data-demo="commute" data-commute="late">` (who was late, by route, weather or delay cause).
 */
export const registration: DemoRegistration = { name: 'commute', create: createCommuteDemo };
