// The kit's shared chrome (its own cascade layer, under every demo's rules), then this demo's own.
import '../kit/demo.css';
import './tracking.css';
import type { DemoRegistration } from '../demo';
import { createTrackingDemo } from './tracking-demo';

/** `<div data-demo="causal-tracking">`: a fork and a join tracked by request id, Lamport clock and previous trace points. */
export const registration: DemoRegistration = { name: 'causal-tracking', create: createTrackingDemo };
