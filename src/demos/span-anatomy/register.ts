// The kit's shared chrome (its own cascade layer, under every demo's rules), then this demo's own.
import '../kit/demo.css';
import './span-anatomy.css';
import type { DemoRegistration } from '../demo';
import { createSpanAnatomyDemo } from './anatomy-demo';

/** `<div data-demo="span-anatomy">`: one real span, in the workshop tracer's debug print and as OTel JSON. */
export const registration: DemoRegistration = { name: 'span-anatomy', create: createSpanAnatomyDemo };
