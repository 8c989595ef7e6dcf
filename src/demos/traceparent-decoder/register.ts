// The kit's shared chrome (its own cascade layer, under every demo's rules), then this demo's own.
import '../kit/demo.css';
import './decoder.css';
import type { DemoRegistration } from '../demo';
import { createDecoderDemo } from './decoder-demo';

/** `<div data-demo="traceparent-decoder">`: decode a traceparent field by field, starting from a real request's. */
export const registration: DemoRegistration = { name: 'traceparent-decoder', create: createDecoderDemo };
