import '../kit/demo.css';
import './page-load.css';
import type { DemoRegistration } from '../demo';
import { createLazyDemo } from '../kit/lazy-demo';

/** `<div data-demo="page-load">`: a real trace of this tab loading the deck, from the Performance API. */
export const registration: DemoRegistration = {
  name: 'page-load',
  create: () => createLazyDemo(() => import('./page-load-demo').then((m) => m.createPageLoadDemo), 'the page-load trace'),
};
