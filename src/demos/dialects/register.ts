// The kit's shared chrome (its own cascade layer, under every demo's rules), then this demo's own.
import '../kit/demo.css';
import './dialects.css';
import type { DemoRegistration } from '../demo';
import { createDialectsDemo } from './dialects-demo';

/** `<div data-demo="dialects">`: a B3-only service behind a W3C-only one, a composite propagator, one hop in every dialect. */
export const registration: DemoRegistration = { name: 'dialects', create: createDialectsDemo };
