// The kit's shared chrome (its own cascade layer, under every demo's rules), then this demo's own.
import '../kit/demo.css';
import './blackbox.css';
import type { DemoRegistration } from '../demo';
import { createBlackboxDemo } from './blackbox-demo';

/** `<div data-demo="blackbox">`: who called whom, inferred from logs with no ids, scored against the real spans. */
export const registration: DemoRegistration = { name: 'blackbox', create: createBlackboxDemo };
