// The kit's shared chrome (its own cascade layer, under every demo's rules), then this demo's own.
import '../kit/demo.css';
import './fizzbuzz.css';
import type { DemoRegistration } from '../demo';
import { createFizzBuzzDemo } from './fizzbuzz-demo';

/** `<div data-demo="fizzbuzz">`: FizzBuzz as a Service, the 1–15 loop and each request's trace. */
export const registration: DemoRegistration = { name: 'fizzbuzz', create: createFizzBuzzDemo };
