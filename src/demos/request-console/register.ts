// The kit's shared chrome (its own cascade layer, under every demo's rules), then this demo's own.
import '../kit/demo.css';
import './request-console.css';
import type { DemoRegistration } from '../demo';
import { createRequestConsoleDemo } from './console-demo';

/** `<div data-demo="request-console">`: the matchmaker's request console with the live waterfall. */
export const registration: DemoRegistration = { name: 'request-console', create: createRequestConsoleDemo };
