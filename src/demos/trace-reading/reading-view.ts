/**
 * The trace-reading exercise's DOM: the ticket and its buttons on top, the trace on the left, three questions on the
 * right. It knows nothing of the simulation; the demo calls it with text and verdicts. Every value is set as text.
 */
import { createButton, createResetButton } from '../kit/buttons';
import { el, setBusy, uniqueId } from '../kit/dom';
import type { Verdict } from './checks';

export interface ReadingViewHandlers {
  newIncident(): void;
  reset(): void;
  checkSlowest(): void;
  checkRootCause(): void;
  checkBlame(service: string): void;
  reveal(): void;
}

export interface ReadingView {
  readonly element: HTMLElement;
  /** Where the waterfall goes. */
  readonly traceBox: HTMLElement;
  showTicket(text: string, busy: boolean): void;
  showSelection(text: string | null): void;
  setSuspects(services: readonly string[]): void;
  /** Choose this service in the list (when the answers are shown). */
  pickSuspect(service: string): void;
  showVerdict(question: QuestionId, verdict: Verdict | null): void;
  setReady(ready: boolean): void;
  clear(): void;
}

type QuestionId = 'slowest' | 'rootCause' | 'blame';

export function createReadingView(h: ReadingViewHandlers): ReadingView {
  const id = uniqueId('tr');
  const ticket = el('p', { class: 'tr-ticket', role: 'status' }, 'Press “New incident” to get a ticket.');
  const next = createButton('New incident', () => h.newIncident(), { primary: true });
  const reveal = createButton('Show the answers', () => h.reveal());
  const reset = createResetButton(() => h.reset());

  const selection = el('p', { class: 'tr-selection', 'aria-live': 'polite' });
  const verdicts = {} as Record<QuestionId, HTMLElement>;
  const answerButtons: HTMLButtonElement[] = [];
  const question = (q: QuestionId, text: string, control: HTMLElement): HTMLElement => {
    verdicts[q] = el('p', { class: 'tr-verdict', role: 'status', id: `${id}-${q}` });
    return el('li', { class: 'tr-question' }, el('p', { class: 'tr-ask' }, text), control, verdicts[q]);
  };
  const spanButton = (onClick: () => void): HTMLButtonElement => {
    const b = createButton('Answer with the selected span', onClick);
    answerButtons.push(b);
    return b;
  };
  const suspects = el('select', { id: `${id}-suspect`, class: 'tr-suspects' });
  const blameButton = createButton('Check', () => h.checkBlame(suspects.value));
  answerButtons.push(blameButton);
  const blameControl = el(
    'div',
    { class: 'tr-blame' },
    el('label', { for: `${id}-suspect` }, 'Service'),
    suspects,
    blameButton,
  );

  const traceBox = el('div', { class: 'demo-trace' });
  const element = el(
    'div',
    { class: 'demo-box tr' },
    el('div', { class: 'demo-toolbar tr-toolbar' }, next, ticket, reveal, reset),
    el(
      'div',
      { class: 'tr-columns' },
      traceBox,
      el(
        'div',
        { class: 'tr-quiz', role: 'region', 'aria-label': 'Questions about the trace' },
        selection,
        el(
          'ol',
          { class: 'tr-questions' },
          question('slowest', 'Which span spent the most time on its own?', spanButton(() => h.checkSlowest())),
          question('rootCause', 'Where did the error start?', spanButton(() => h.checkRootCause())),
          question('blame', 'Which service gets the ticket?', blameControl),
        ),
      ),
    ),
  );

  const view: ReadingView = {
    element,
    traceBox,
    showTicket(text, busy) {
      ticket.textContent = text;
      setBusy(next, busy);
    },
    showSelection(text) {
      selection.textContent = text ? `Selected: ${text}` : 'Select a span in the trace, then answer.';
    },
    setSuspects(services) {
      suspects.replaceChildren(...services.map((s) => el('option', { value: s }, s)));
    },
    pickSuspect(service) {
      if ([...suspects.options].some((o) => o.value === service)) suspects.value = service;
    },
    showVerdict(q, verdict) {
      const out = verdicts[q];
      const mark = verdict?.moot ? '–' : verdict?.right ? '✓' : '✗';
      out.textContent = verdict ? `${mark} ${verdict.text}` : '';
      out.classList.toggle('tr-right', verdict?.right === true);
      out.classList.toggle('tr-wrong', verdict?.right === false && !verdict.moot);
    },
    setReady(ready) {
      for (const b of [...answerButtons, reveal]) b.disabled = !ready;
      suspects.disabled = !ready;
    },
    clear() {
      ticket.textContent = 'Press “New incident” to get a ticket.';
      setBusy(next, false);
      view.showSelection(null);
      view.setSuspects([]);
      for (const q of Object.keys(verdicts) as QuestionId[]) view.showVerdict(q, null);
      view.setReady(false);
    },
  };
  view.clear();
  return view;
}
