import '../kit/demo.css';
import './trace-files.css';
import type { DemoRegistration } from '../demo';
import { createLazyDemo } from '../kit/lazy-demo';

/** `<div data-demo="trace-files">`: open an OTLP/JSON, Zipkin or Jaeger file and read it in the deck's views. */
export const registration: DemoRegistration = {
  name: 'trace-files',
  create: () => createLazyDemo(() => import('./trace-files-demo').then((m) => m.createTraceFilesDemo), 'the trace file reader'),
};
