/**
 * Composition root: installs the page-wide OpenTelemetry context, registers the demos by the names slides use in
 * `data-demo`, and starts the deck. Nothing imports this file.
 */
// The deck first: it brings reveal.js's own stylesheet, which the theme below must come after to override it.
import { startDeck } from './deck/deck';
import './styles/theme.css';
import './styles/code.css';
import './viz/waterfall/waterfall.css';
import { showNotice } from './deck/notice';
import type { DemoFactory, DemoRegistration } from './demos/demo';
import { mountExerciseProgress } from './demos/exercise/progress-view';
import { withContext } from './demos/with-context';
import { installGlobalContext } from './telemetry/global-context';
import { createOtlpExport, probeOtlpProxy } from './telemetry/otlp-export';

/** Every demo folder's `register.ts`, found at build time: slides name demos with `data-demo`. */
function collectDemos(): Record<string, DemoFactory> {
  const modules = import.meta.glob<{ registration: DemoRegistration }>('./demos/*/register.ts', { eager: true });
  const demos: Record<string, DemoFactory> = {};
  for (const { registration } of Object.values(modules)) demos[registration.name] = registration.create;
  return demos;
}

/**
 * `?otlp`: every demo's spans also go to a real backend (telemetry/otlp-export.ts). Not in the speaker view's copies
 * of the page (`?receiver`), which run no demo. Problems are told once, in the deck's notice corner.
 */
function withOtlp(root: HTMLElement, demos: Record<string, DemoFactory>): Record<string, DemoFactory> {
  const params = new URLSearchParams(window.location.search);
  if (!params.has('otlp') || params.has('receiver')) return demos;
  const { origin } = window.location;
  // One notice at most: a missing proxy also makes every export fail, which would say the same thing again.
  let told = false;
  const tell = (message: string): void => {
    if (told) return;
    told = true;
    showNotice(root, message);
  };
  void probeOtlpProxy(origin).then((problem) => {
    if (problem) tell(problem);
  });
  const otlp = createOtlpExport({
    origin,
    onFailure: (message) => tell(`\`?otlp\`: spans could not be sent to /v1/traces (${message}); the demos go on without it.`),
  });
  window.addEventListener('pagehide', () => void otlp.shutdown());
  return withContext(demos, { exportProcessors: [otlp.processor] });
}

// Start-up is a function, not top-level await: the build lowers async code to ES2016 for zone.js, where
// top-level await does not exist.
function main(): void {
  installGlobalContext();
  const root = document.querySelector<HTMLElement>('.reveal');
  if (!root) throw new Error('index.html has no .reveal element');
  startDeck({ root, demos: withOtlp(root, collectDemos()) })
    // The title slide's "3 of 8 exercises done", once the track has left only its own exercise slides.
    .then(() => mountExerciseProgress(document))
    .catch((error: unknown) => {
      console.error('The deck could not start', error);
    });
}

main();
