// The kit's shared chrome (its own cascade layer, under every demo's rules), then this demo's own.
import '../kit/demo.css';
import './request-id.css';
import type { DemoRegistration } from '../demo';
import { createRequestIdDemo } from './request-id-demo';

/** `<div data-demo="request-id">`: the matchmaker behind a proxy that stamps X-Request-ID, both logs searchable by it. */
export const registration: DemoRegistration = { name: 'request-id', create: createRequestIdDemo };
