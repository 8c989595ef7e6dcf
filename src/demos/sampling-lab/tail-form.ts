/**
 * The tail view's form: which of the Collector's policies to run and their settings, and beside it the YAML a
 * Collector would take for exactly that (shown and copyable). Reading the form never throws: a problem comes back
 * as a sentence for the problem line.
 */
import { toCollectorYaml } from '../../telemetry/tail-sampling/collector-yaml';
import type { PolicyConfig, TailSamplingConfig } from '../../telemetry/tail-sampling/policy-config';
import { createButton } from '../kit/buttons';
import { el, uniqueId } from '../kit/dom';
import { SLOW_MS } from './outcomes';

interface Row {
  readonly on: HTMLInputElement;
  readonly value?: HTMLInputElement;
  readonly build: (value: number) => PolicyConfig;
  readonly label: string;
  readonly min: number;
  readonly max: number;
}

export interface TailForm {
  readonly element: HTMLElement;
  readonly yaml: HTMLElement;
  /** The configuration the form says, or why it cannot be one. */
  read(): { ok: true; config: TailSamplingConfig } | { ok: false; message: string };
  reset(): void;
}

function numberInput(value: number, label: string, min: number, max: number): HTMLInputElement {
  return el('input', { type: 'number', class: 'demo-number sl-num', value: String(value), min, max, step: 'any', 'aria-label': label });
}

export function createTailForm(onChange: () => void): TailForm {
  const rows: Row[] = [];
  const list = el('div', { class: 'sl-policies', role: 'group', 'aria-label': 'Tail sampling policies' });
  const add = (label: string, checked: boolean, build: (v: number) => PolicyConfig, value?: { initial: number; unit: string; min: number; max: number; name: string }) => {
    const id = uniqueId('sl-policy');
    const on = el('input', { type: 'checkbox', id, checked });
    const input = value ? numberInput(value.initial, value.name, value.min, value.max) : undefined;
    rows.push({ on, value: input, build, label, min: value?.min ?? 0, max: value?.max ?? 0 });
    list.append(el('div', { class: 'sl-policy' }, on, el('label', { for: id }, label), ...(input ? [input, el('span', { class: 'sl-unit' }, value!.unit)] : [])));
  };
  add('errors: status_code ERROR', true, () => ({ name: 'errors', type: 'status_code', status_code: { status_codes: ['ERROR'] } }));
  add('slow: latency ≥', true, (v) => ({ name: 'slow', type: 'latency', latency: { threshold_ms: v } }), { initial: SLOW_MS, unit: 'ms', min: 0, max: 60_000, name: 'Latency threshold in ms' });
  add('some of the rest: probabilistic', true, (v) => ({ name: 'some-of-the-rest', type: 'probabilistic', probabilistic: { sampling_percentage: v } }), {
    initial: 1, unit: '%', min: 0, max: 100, name: 'Probabilistic sampling percentage',
  });
  add('big traces: span_count ≥', false, (v) => ({ name: 'big-traces', type: 'span_count', span_count: { min_spans: v } }), { initial: 40, unit: 'spans', min: 1, max: 10_000, name: 'Minimum spans' });
  add('at most: rate_limiting', false, (v) => ({ name: 'at-most', type: 'rate_limiting', rate_limiting: { spans_per_second: v } }), { initial: 500, unit: 'spans/s', min: 1, max: 1_000_000, name: 'Spans per second' });
  add('drop the catalogue lists: drop url.path /beers, /donuts', false, () => ({
    name: 'drop-lists', type: 'drop',
    drop: { drop_sub_policy: [{ name: 'list-paths', type: 'string_attribute', string_attribute: { key: 'url.path', values: ['/beers', '/donuts'] } }] },
  }));

  const wait = numberInput(30, 'decision_wait in simulated seconds', 0, 3_600);
  const num = numberInput(50_000, 'num_traces', 1, 1_000_000);
  const settings = el(
    'div',
    { class: 'sl-settings' },
    el('label', {}, 'decision_wait ', wait, ' s'),
    el('label', {}, 'num_traces ', num),
  );
  const yaml = el('pre', { class: 'sl-yaml', tabindex: 0, 'aria-label': 'The Collector configuration for these policies' });
  const copied = el('span', { class: 'sl-copied', 'aria-live': 'polite' });
  const copy = createButton('Copy YAML', () => {
    const text = yaml.textContent ?? '';
    const done = (ok: boolean) => {
      copied.textContent = ok ? 'Copied.' : 'Select the text and copy it (the browser refused).';
    };
    if (navigator.clipboard) navigator.clipboard.writeText(text).then(() => done(true), () => done(false));
    else done(false);
  }, { className: 'sl-copy' });

  const num$ = (input: HTMLInputElement, what: string, min: number, max: number): number | string => {
    const v = Number(input.value.trim());
    if (input.value.trim() === '' || !Number.isFinite(v)) return `${what} must be a number`;
    if (v < min || v > max) return `${what} must be between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}`;
    return v;
  };

  function read(): ReturnType<TailForm['read']> {
    const policies: PolicyConfig[] = [];
    for (const r of rows) {
      if (!r.on.checked) continue;
      if (!r.value) {
        policies.push(r.build(0));
        continue;
      }
      const v = num$(r.value, r.label, r.min, r.max);
      if (typeof v === 'string') return { ok: false, message: v };
      policies.push(r.build(v));
    }
    const w = num$(wait, 'decision_wait', 0, 3_600);
    if (typeof w === 'string') return { ok: false, message: w };
    const n = num$(num, 'num_traces', 1, 1_000_000);
    if (typeof n === 'string') return { ok: false, message: n };
    if (!Number.isInteger(n)) return { ok: false, message: 'num_traces must be a whole number' };
    return { ok: true, config: { decision_wait_ms: Math.round(w * 1000), num_traces: n, policies } };
  }

  const showYaml = (): void => {
    const r = read();
    yaml.textContent = r.ok ? toCollectorYaml(r.config) : `# ${r.message}`;
    copied.textContent = '';
  };
  const element = el('form', { class: 'sl-tail-form' }, list, settings);
  element.addEventListener('input', () => {
    showYaml();
    onChange();
  });
  element.addEventListener('submit', (e) => e.preventDefault());
  const defaults = rows.map((r) => [r.on.checked, r.value?.value] as const);
  showYaml();

  return {
    element,
    yaml: el('div', { class: 'sl-yaml-box' }, yaml, el('div', { class: 'sl-yaml-actions' }, copy, copied)),
    read,
    reset() {
      rows.forEach((r, i) => {
        r.on.checked = defaults[i]![0];
        if (r.value) r.value.value = defaults[i]![1]!;
      });
      wait.value = '30';
      num.value = '50000';
      showYaml();
    },
  };
}
