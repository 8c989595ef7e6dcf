/**
 * Composition root: installs the page-wide OpenTelemetry context, registers the demos by the names slides use in
 * `data-demo`, and starts the deck. Nothing imports this file.
 */
import 'reveal.js/reveal.css';
import './styles/theme.css';
import './styles/request-console.css';
import './viz/waterfall.css';
import { startDeck } from './deck/deck';
import type { DemoFactory } from './demos/demo';
import { createRequestConsoleDemo } from './demos/request-console/console-demo';
import { installGlobalContext } from './telemetry/global-context';

const demos: Record<string, DemoFactory> = {
  'request-console': createRequestConsoleDemo,
};

// Start-up is a function, not top-level await: the build lowers async code to ES2016 for zone.js, where
// top-level await does not exist.
function main(): void {
  installGlobalContext();
  const root = document.querySelector<HTMLElement>('.reveal');
  if (!root) throw new Error('index.html has no .reveal element');
  startDeck({ root, demos }).catch((error: unknown) => {
    console.error('The deck could not start', error);
  });
}

main();
