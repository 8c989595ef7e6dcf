import '../fizzbuzz/fizzbuzz.css';
import type { DemoRegistration } from '../demo';
import { createContextLossDemo } from './context-loss-demo';

/** `<div data-demo="context-loss">`: one request with the zone context manager, and with a stack-based one. */
export const registration: DemoRegistration = { name: 'context-loss', create: createContextLossDemo };
