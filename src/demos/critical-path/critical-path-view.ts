/**
 * The critical-path demo's DOM: on the left a live pairing request's waterfall with a "New pairing" button and its
 * status; on the right the jaeger-ui #2371 case in a small waterfall, with what the rule drew and what happened. It
 * knows nothing of the simulation; every value is set as text. Panes are divs: a <section> inside a slide would make
 * reveal.js take the slide for a vertical stack.
 */
import { createButton, createResetButton } from '../kit/buttons';
import { el, setBusy } from '../kit/dom';

export interface CriticalPathViewHandlers {
  newPairing(): void;
  reset(): void;
}

export interface CriticalPathView {
  readonly element: HTMLElement;
  /** Where the live waterfall goes. */
  readonly liveBox: HTMLElement;
  /** Where the #2371 case's waterfall goes. */
  readonly caseBox: HTMLElement;
  showStatus(text: string): void;
  setBusy(busy: boolean): void;
  /** The case's two lines: what the rule drew and what really happened. */
  showCase(drawn: string, actual: string): void;
}

export function createCriticalPathView(h: CriticalPathViewHandlers): CriticalPathView {
  const send = createButton('New pairing', () => h.newPairing(), { primary: true, className: 'cp-send' });
  const reset = createResetButton(() => h.reset());
  const status = el('p', { class: 'cp-status', role: 'status' }, 'Sending GET /pair/beer?name=ipa…');
  const liveBox = el('div', { class: 'cp-trace' });
  const caseBox = el('div', { class: 'cp-trace cp-trace--case' });
  const drawnLine = el('span', {});
  const actualLine = el('span', {});
  const caption = el(
    'p',
    { class: 'cp-case-text' },
    el('strong', {}, 'Drawn: '),
    drawnLine,
    el('br'),
    el('strong', {}, 'Happened: '),
    actualLine,
    el('br'),
    'Timestamps cannot say which sibling a span waited for; OTel spec issue #4079 proposes a previous-sibling link.',
  );
  // demo-box: the kit's look for the buttons (the deck's font, 18 px), as on every demo.
  const element = el(
    'div',
    { class: 'demo-box cp' },
    el(
      'div',
      { class: 'cp-pane', role: 'group', 'aria-label': 'A pairing request' },
      el('div', { class: 'cp-toolbar' }, send, reset, status),
      liveBox,
    ),
    el(
      'div',
      { class: 'cp-pane', role: 'group', 'aria-label': 'When timestamps mislead (jaeger-ui #2371)' },
      el('h3', { class: 'cp-case-title' }, 'When timestamps mislead (jaeger-ui #2371)'),
      caseBox,
      caption,
    ),
  );
  return {
    element,
    liveBox,
    caseBox,
    showStatus: (text) => {
      status.textContent = text;
    },
    setBusy: (busy) => setBusy(send, busy),
    showCase(drawn, actual) {
      drawnLine.textContent = drawn;
      actualLine.textContent = actual;
    },
  };
}
