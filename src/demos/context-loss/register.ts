// The kit's shared chrome (its own cascade layer, under every demo's rules), then this demo's own.
import '../kit/demo.css';
import './context-loss.css';
import type { DemoRegistration } from '../demo';
import { createContextLossDemo } from './context-loss-demo';

/** `<div data-demo="context-loss">`: one request with the zone context manager, and with a stack-based one. */
export const registration: DemoRegistration = { name: 'context-loss', create: createContextLossDemo };
