/**
 * The exercise's DOM: the evidence (a waterfall, a service map or lines of text), the question with a labelled
 * answer field or choice and a Check button, the verdict line, and the run and Reset buttons. It only reports what
 * the learner did; the demo decides. Every value from a span, a header or a log line is set as text.
 */
import type { ServiceGraphSnapshot } from '../../analysis/service-graph';
import type { TraceModel } from '../../telemetry/trace-model';
import { createSnapshotAdapter } from '../../viz/service-map/from-service-graph';
import { createServiceMapView, type ServiceMapView } from '../../viz/service-map/map-view';
import { createWaterfall, type WaterfallView } from '../../viz/waterfall';
import { createButton, createResetButton } from '../kit/buttons';
import { el, setBusy, uniqueId } from '../kit/dom';
import { createTraceBox } from '../kit/panels';
import type { AnswerKind, Choice, Evidence, Verdict } from './spec';

export interface ExerciseViewActions {
  readonly run: () => void;
  readonly check: (answer: string) => void;
  readonly reset: () => void;
}

export interface ExerciseView {
  readonly element: HTMLElement;
  showEvidence(evidence: Evidence | null): void;
  setChoices(choices: readonly Choice[]): void;
  showVerdict(verdict: Verdict | null): void;
  setStatus(text: string): void;
  setBusy(busy: boolean): void;
  /** Put the answer field or choice on this value (print view shows the answer it checked). */
  fill(answer: string): void;
  clear(): void;
  destroy(): void;
}

export function createExerciseView(opts: { question: string; runLabel: string; answer: AnswerKind; services: readonly string[] }, actions: ExerciseViewActions): ExerciseView {
  const fieldId = uniqueId('exercise-answer');
  const status = el('p', { class: 'exercise-status', 'aria-live': 'polite' }, `Press “${opts.runLabel}”, then answer from what it shows.`);
  const caption = el('p', { class: 'exercise-caption' });
  const traceBox = createTraceBox('Trace to read', 'exercise-trace');
  const mapBox = el('div', { class: 'exercise-map sm' });
  // Focusable, so a keyboard can scroll it when the lines overflow.
  const lines = el('ol', { class: 'exercise-lines', 'aria-label': 'Lines to read', tabindex: 0 });
  const focus = el('p', { class: 'exercise-focus' });
  // The raw spans, written only when opened: a map's batch is hundreds of them.
  const json = el('pre', { class: 'exercise-json-text', tabindex: 0 });
  const jsonBox = el('details', { class: 'exercise-json' }, el('summary', {}, 'The spans as JSON'), json);
  let jsonSpans: readonly unknown[] = [];
  jsonBox.addEventListener('toggle', () => {
    json.textContent = jsonBox.open ? JSON.stringify(jsonSpans, null, 1) : '';
  });
  const evidenceBox = el('div', { class: 'exercise-evidence' }, caption, traceBox, mapBox, lines, focus, jsonBox);

  const field: HTMLInputElement | HTMLSelectElement =
    opts.answer.kind === 'choice'
      ? el('select', { id: fieldId, class: 'exercise-choice' })
      : el('input', {
          id: fieldId,
          class: 'exercise-input',
          type: 'text',
          inputmode: opts.answer.numeric ? 'numeric' : undefined,
          placeholder: opts.answer.placeholder,
          autocomplete: 'off',
          spellcheck: 'false',
          maxlength: 80,
        });
  const checkButton = el('button', { type: 'submit', class: 'demo-button exercise-check' }, 'Check');
  const verdict = el('p', { class: 'exercise-verdict', role: 'status' });
  const form = el(
    'form',
    { class: 'exercise-form' },
    el('p', { class: 'exercise-question' }, opts.question),
    el('label', { for: fieldId, class: 'demo-label exercise-label' }, opts.answer.label),
    el('div', { class: 'exercise-answer-row' }, field, checkButton),
    verdict,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    actions.check(field.value);
  });
  const runButton = createButton(opts.runLabel, actions.run, { primary: true, className: 'exercise-run' });
  const controls = el('div', { class: 'demo-controls exercise-controls' }, runButton, createResetButton(actions.reset));
  const element = el('div', { class: 'demo-box exercise' }, el('div', { class: 'exercise-columns' }, evidenceBox, el('div', { class: 'exercise-side' }, controls, status, form)));

  // The waterfall and the map are made when an exercise first shows one, so an exercise of lines holds neither
  // (nor their empty live regions: print view and screen readers find the verdict as the demo's status).
  let waterfall: WaterfallView | undefined;
  let map: ServiceMapView | undefined;
  const adapt = createSnapshotAdapter();

  const showTrace = (trace: TraceModel | undefined): void => {
    traceBox.hidden = !trace;
    if (trace && !waterfall) waterfall = createWaterfall(traceBox, { services: opts.services, label: 'Trace to read', emptyText: 'The trace appears here.' });
    waterfall?.setModel(trace ?? null);
  };
  const showMap = (graph: ServiceGraphSnapshot | undefined): void => {
    mapBox.hidden = !graph;
    if (graph && !map) {
      map = createServiceMapView({ label: 'Service map to read', onOpenTrace: () => undefined });
      mapBox.append(map.element);
    }
    if (graph) map?.update(adapt(graph));
    else map?.clear();
  };
  const setChoices = (choices: readonly Choice[]): void => {
    if (!(field instanceof HTMLSelectElement)) return;
    field.replaceChildren(el('option', { value: '' }, 'Choose…'), ...choices.map((c) => el('option', { value: c.value }, c.label)));
  };

  const view: ExerciseView = {
    element,
    showEvidence(evidence) {
      evidenceBox.hidden = !evidence;
      caption.textContent = evidence?.caption ?? '';
      showTrace(evidence?.trace);
      showMap(evidence?.graph);
      lines.hidden = !evidence?.lines;
      lines.replaceChildren(...(evidence?.lines ?? []).map((line) => el('li', {}, line)));
      focus.textContent = evidence?.focus ?? '';
      jsonSpans = evidence?.spans ?? [];
      jsonBox.hidden = !evidence?.spans;
      jsonBox.open = false;
      json.textContent = '';
    },
    setChoices,
    showVerdict(v) {
      verdict.textContent = v ? v.text : '';
      if (v) verdict.dataset['right'] = String(v.right);
      else delete verdict.dataset['right'];
    },
    setStatus(text) {
      status.textContent = text;
    },
    setBusy: (busy) => setBusy(runButton, busy),
    fill(answer) {
      field.value = answer;
    },
    clear() {
      view.showEvidence(null);
      view.showVerdict(null);
      setChoices([]);
      field.value = '';
      status.textContent = `Press “${opts.runLabel}”, then answer from what it shows.`;
      setBusy(runButton, false);
    },
    destroy() {
      waterfall?.destroy();
    },
  };
  view.clear();
  return view;
}
