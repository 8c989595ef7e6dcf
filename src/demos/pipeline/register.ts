// The kit's shared chrome (its own cascade layer, under every demo's rules), then this demo's own.
import '../kit/demo.css';
import './pipeline.css';
import type { DemoRegistration } from '../demo';
import { createPipelineDemo } from './pipeline-demo';

/** `<div data-demo="pipeline">`: spans through a console exporter and into the backend and UI, live. */
export const registration: DemoRegistration = { name: 'pipeline', create: createPipelineDemo };
