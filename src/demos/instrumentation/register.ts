import '../fizzbuzz/fizzbuzz.css';
import type { DemoRegistration } from '../demo';
import { createInstrumentationDemo } from './instrumentation-demo';

/** `<div data-demo="instrumentation">`: the same FizzBuzz request traced with automatic and with manual instrumentation. */
export const registration: DemoRegistration = { name: 'instrumentation', create: createInstrumentationDemo };
