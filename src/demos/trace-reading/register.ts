// The kit's shared chrome (its own cascade layer, under every demo's rules), then this demo's own.
import '../kit/demo.css';
import './trace-reading.css';
import type { DemoRegistration } from '../demo';
import { createTraceReadingDemo } from './reading-demo';

/** `<div data-demo="trace-reading">`: a support ticket, the trace of the customer's request, three questions. */
export const registration: DemoRegistration = { name: 'trace-reading', create: createTraceReadingDemo };
