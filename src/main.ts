/**
 * Composition root: installs the page-wide OpenTelemetry context, registers the demos by the names slides use in
 * `data-demo`, and starts the deck. Nothing imports this file.
 */
// The deck first: it brings reveal.js's own stylesheet, which the theme below must come after to override it.
import { startDeck } from './deck/deck';
import './styles/theme.css';
import './styles/code.css';
import './viz/waterfall/waterfall.css';
import type { DemoFactory, DemoRegistration } from './demos/demo';
import { mountExerciseProgress } from './demos/exercise/progress-view';
import { installGlobalContext } from './telemetry/global-context';

/** Every demo folder's `register.ts`, found at build time: slides name demos with `data-demo`. */
function collectDemos(): Record<string, DemoFactory> {
  const modules = import.meta.glob<{ registration: DemoRegistration }>('./demos/*/register.ts', { eager: true });
  const demos: Record<string, DemoFactory> = {};
  for (const { registration } of Object.values(modules)) demos[registration.name] = registration.create;
  return demos;
}

// Start-up is a function, not top-level await: the build lowers async code to ES2016 for zone.js, where
// top-level await does not exist.
function main(): void {
  installGlobalContext();
  const root = document.querySelector<HTMLElement>('.reveal');
  if (!root) throw new Error('index.html has no .reveal element');
  startDeck({ root, demos: collectDemos() })
    // The title slide's "3 of 8 exercises done", once the track has left only its own exercise slides.
    .then(() => mountExerciseProgress(document))
    .catch((error: unknown) => {
    console.error('The deck could not start', error);
  });
}

main();
