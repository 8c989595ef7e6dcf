// The kit's shared chrome (its own cascade layer, under every demo's rules), then this demo's own.
import '../kit/demo.css';
import './instrumentation.css';
import type { DemoRegistration } from '../demo';
import { createInstrumentationDemo } from './instrumentation-demo';

/** `<div data-demo="instrumentation">`: the same FizzBuzz request traced with automatic and with manual instrumentation. */
export const registration: DemoRegistration = { name: 'instrumentation', create: createInstrumentationDemo };
