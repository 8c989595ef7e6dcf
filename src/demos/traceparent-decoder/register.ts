import '../fizzbuzz/fizzbuzz.css';
import type { DemoRegistration } from '../demo';
import { createDecoderDemo } from './decoder-demo';

/** `<div data-demo="traceparent-decoder">`: decode a traceparent field by field, starting from a real request's. */
export const registration: DemoRegistration = { name: 'traceparent-decoder', create: createDecoderDemo };
