/**
 * The lab's toolbar, per view: the view's own fields ("Head sampling ratio", taster's sampler, the two
 * probabilities, the share of spans), the fault, "Send 1,000 requests" and Reset. Reading the fields never
 * throws; a bad value comes back as a sentence.
 */
import { createButton, createResetButton } from '../kit/buttons';
import { createProblemLine } from '../kit/controls';
import { el, setBusy, uniqueId } from '../kit/dom';

export type LabKind = 'head' | 'consistent' | 'tail' | 'unitary' | 'xray' | 'xray-group';

/** The two X-Ray slides: the rule over several hosts, and the groups (the same traffic and rule, another view). */
export const isXRay = (kind: LabKind): boolean => kind === 'xray' || kind === 'xray-group';
type TasterMode = 'parent' | 'own';
export type FaultChoice = 'rare' | 'none' | 'errors' | 'slow' | 'taster-down';

export const REQUESTS = 1_000;

const FAULTS: ReadonlyArray<readonly [FaultChoice, string]> = [
  ['rare', 'Rare faults (2%)'],
  ['none', 'No fault'],
  ['errors', 'Errors (30%)'],
  ['slow', 'Slow hops (30%)'],
  ['taster-down', 'taster down'],
];

/** What the fields say, once checked. */
export interface LabSettings {
  readonly ratio: number;
  readonly tasterRatio: number;
  readonly tasterMode: TasterMode;
}

interface RatioField {
  readonly element: HTMLElement;
  readonly input: HTMLInputElement;
  readonly initial: string;
  readonly label: string;
}

function ratioField(label: string, initial: number, className: string): RatioField {
  const id = uniqueId('sl-ratio');
  const input = el('input', { id, type: 'number', class: `demo-number sl-num ${className}`, value: String(initial), min: 0, max: 1, step: 'any', inputmode: 'decimal' });
  return { element: el('span', { class: 'sl-field' }, el('label', { for: id, class: 'demo-label' }, label), input), input, initial: String(initial), label };
}

export interface LabControls {
  readonly element: HTMLElement;
  readonly send: HTMLButtonElement;
  read(): { ok: true; settings: LabSettings } | { ok: false; message: string };
  readonly fault: () => FaultChoice;
  setBusy(busy: boolean): void;
  showProblem(message: string): void;
  clearProblem(): void;
  reset(): void;
}

export function createLabControls(kind: LabKind, actions: { send(): void; reset(): void; fault(choice: FaultChoice): void }): LabControls {
  const fields: RatioField[] = [];
  let mode: HTMLSelectElement | undefined;
  if (kind === 'head') fields.push(ratioField('Head sampling ratio', 0.1, 'sl-head-ratio'));
  if (kind === 'consistent') fields.push(ratioField("web's probability", 0.1, 'sl-web-p'), ratioField("taster's probability", 0.25, 'sl-taster-p'));
  if (kind === 'unitary') fields.push(ratioField('Share of spans kept', 0.5, 'sl-span-share'));
  const extra: HTMLElement[] = [];
  if (kind === 'head') {
    const id = uniqueId('sl-mode');
    mode = el('select', { id, class: 'demo-speed sl-mode' });
    mode.append(el('option', { value: 'parent' }, 'ParentBased (follows web)'), el('option', { value: 'own' }, 'its own ratio sampler'));
    extra.push(el('span', { class: 'sl-field' }, el('label', { for: id, class: 'demo-label' }, "taster's sampler"), mode));
  }
  const faultId = uniqueId('sl-fault');
  const fault = el('select', { id: faultId, class: 'demo-speed sl-fault' });
  for (const [value, text] of FAULTS) fault.append(el('option', { value }, text));
  if (isXRay(kind)) fault.value = 'none';
  const initialFault = fault.value;
  fault.addEventListener('change', () => actions.fault(fault.value as FaultChoice));
  const send = createButton(`Send ${REQUESTS.toLocaleString('en-US')} requests`, () => actions.send(), { primary: true, className: 'sl-send' });
  const problem = createProblemLine();
  const element = el(
    'div',
    { class: 'sl-controls' },
    el(
      'div',
      { class: 'demo-toolbar' },
      ...fields.map((f) => f.element),
      ...extra,
      ...(isXRay(kind) ? [] : [el('span', { class: 'sl-field' }, el('label', { for: faultId, class: 'demo-label' }, 'Fault'), fault)]),
      send,
      createResetButton(() => actions.reset()),
    ),
    problem.element,
  );
  return {
    element,
    send,
    read() {
      const values: number[] = [];
      for (const f of fields) {
        const text = f.input.value.trim();
        const v = Number(text);
        if (text === '' || !Number.isFinite(v) || v < 0 || v > 1) return { ok: false, message: `${f.label}: a number from 0 to 1 (0.1 keeps one trace in ten).` };
        values.push(v);
      }
      return { ok: true, settings: { ratio: values[0] ?? 1, tasterRatio: values[1] ?? 1, tasterMode: (mode?.value as TasterMode | undefined) ?? 'parent' } };
    },
    fault: () => fault.value as FaultChoice,
    setBusy: (busy) => setBusy(send, busy),
    showProblem: (m) => problem.show(m),
    clearProblem: () => problem.clear(),
    reset() {
      for (const f of fields) f.input.value = f.initial;
      if (mode) mode.value = 'parent';
      fault.value = initialFault;
      problem.clear();
    },
  };
}
