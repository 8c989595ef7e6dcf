// The kit's shared chrome (its own cascade layer, under every demo's rules), then this demo's own.
import '../kit/demo.css';
import './st.css';
import type { DemoRegistration } from '../demo';
import { createSubmitterTriggerDemo } from './st-demo';

/** `<div data-demo="submitter-trigger">`: a write-back cache's flush charged to the submitter or the trigger, with span links. */
export const registration: DemoRegistration = { name: 'submitter-trigger', create: createSubmitterTriggerDemo };
