import '../fizzbuzz/fizzbuzz.css';
import type { DemoRegistration } from '../demo';
import { createPipelineDemo } from './pipeline-demo';

/** `<div data-demo="pipeline">`: spans through a console exporter and into the backend and UI, live. */
export const registration: DemoRegistration = { name: 'pipeline', create: createPipelineDemo };
