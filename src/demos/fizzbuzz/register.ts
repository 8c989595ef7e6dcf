import './fizzbuzz.css';
import type { DemoRegistration } from '../demo';
import { createFizzBuzzDemo } from './fizzbuzz-demo';

/** `<div data-demo="fizzbuzz">`: FizzBuzz as a Service, the 1–15 loop and each request's trace. */
export const registration: DemoRegistration = { name: 'fizzbuzz', create: createFizzBuzzDemo };
