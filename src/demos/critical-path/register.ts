import '../kit/demo.css';
import './critical-path.css';
import type { DemoRegistration } from '../demo';
import { createCriticalPathDemo } from './critical-path-demo';

/** `<div data-demo="critical-path">`: a pairing request's critical path, and the jaeger-ui #2371 case beside it. */
export const registration: DemoRegistration = { name: 'critical-path', create: createCriticalPathDemo };
