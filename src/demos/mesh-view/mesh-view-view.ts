/**
 * The mesh demo's DOM: a toolbar (New pairing, the header-forwarding switch, Reset, status), then two columns: the
 * trace the code records on the left, what the sidecars record on the right, with a picker when the sidecars' spans
 * fall apart into several traces. It knows nothing of the simulation; every value is set as text. Columns are divs:
 * a <section> inside a slide would make reveal.js take the slide for a vertical stack.
 */
import { createButton, createResetButton } from '../kit/buttons';
import { el, setBusy, uniqueId } from '../kit/dom';

export interface MeshViewHandlers {
  newPairing(): void;
  /** The switch moved: whether the applications forward the trace headers. */
  setForwarding(on: boolean): void;
  /** A mesh trace was picked, by its index in the list. */
  pickTrace(index: number): void;
  reset(): void;
}

/** One entry of the mesh-trace picker. */
interface MeshTraceChoice {
  readonly label: string;
}

export interface MeshDemoView {
  readonly element: HTMLElement;
  /** Where the application's waterfall goes. */
  readonly appBox: HTMLElement;
  /** Where the sidecars' waterfall goes. */
  readonly meshBox: HTMLElement;
  showStatus(text: string): void;
  setBusy(busy: boolean): void;
  /** Put the switch where the demo's state says, without telling the handler. */
  setForwarding(on: boolean): void;
  /** The two lines under the columns: what the code recorded, and what the mesh recorded and missed. */
  showCounts(app: string, mesh: string): void;
  /** The mesh traces to pick from (one: the picker hides), with `selected` shown. */
  showChoices(choices: readonly MeshTraceChoice[], selected: number): void;
}

export function createMeshDemoView(h: MeshViewHandlers): MeshDemoView {
  const send = createButton('New pairing', () => h.newPairing(), { primary: true, className: 'mesh-send' });
  const reset = createResetButton(() => h.reset());
  const status = el('p', { class: 'mesh-status', role: 'status' });
  const switchId = uniqueId('mesh-forward');
  const forward = el('input', { id: switchId, type: 'checkbox', class: 'mesh-forward', checked: true });
  forward.addEventListener('change', () => h.setForwarding(forward.checked));
  const pickId = uniqueId('mesh-pick');
  const picker = el('select', { id: pickId, class: 'mesh-pick' });
  picker.addEventListener('change', () => h.pickTrace(Number(picker.value)));
  const pickBox = el('span', { class: 'mesh-pick-box', hidden: true }, el('label', { for: pickId, class: 'demo-label' }, 'Mesh trace'), picker);
  const appBox = el('div', { class: 'demo-trace mesh-trace' });
  const meshBox = el('div', { class: 'demo-trace mesh-trace' });
  const appCount = el('p', { class: 'mesh-count' });
  const meshCount = el('p', { class: 'mesh-count' });
  const element = el(
    'div',
    { class: 'demo-box mesh' },
    el(
      'div',
      { class: 'mesh-toolbar' },
      send,
      el('span', { class: 'mesh-switch' }, forward, el('label', { for: switchId }, 'web and taster forward the trace headers')),
      reset,
      status,
    ),
    el(
      'div',
      { class: 'mesh-columns' },
      el(
        'div',
        { class: 'mesh-column', role: 'group', 'aria-label': 'What the code records' },
        el('p', { class: 'mesh-column-title' }, el('strong', {}, 'In the code'), ' (OpenTelemetry in web and taster)'),
        appBox,
        appCount,
      ),
      el(
        'div',
        { class: 'mesh-column', role: 'group', 'aria-label': 'What the sidecar proxies record' },
        el('p', { class: 'mesh-column-title' }, el('strong', {}, 'In the mesh'), ' (a sidecar proxy beside each)', pickBox),
        meshBox,
        meshCount,
      ),
    ),
  );
  return {
    element,
    appBox,
    meshBox,
    showStatus: (text) => {
      status.textContent = text;
    },
    setBusy: (busy) => setBusy(send, busy),
    setForwarding: (on) => {
      forward.checked = on;
    },
    showCounts(app, mesh) {
      appCount.textContent = app;
      meshCount.textContent = mesh;
    },
    showChoices(choices, selected) {
      picker.replaceChildren(...choices.map((c, i) => el('option', { value: String(i) }, c.label)));
      picker.value = String(selected);
      pickBox.hidden = choices.length < 2;
    },
  };
}
