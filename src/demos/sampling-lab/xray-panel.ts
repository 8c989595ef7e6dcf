/**
 * The X-Ray view's own column: the sampling rule as JSON (source 003's, editable), how many hosts run
 * backend-flask, what each host borrowed, sampled and was given, and an X-Ray group whose filter expression narrows
 * the list of traces (the groups slide adds the group's service map: `group-panel.ts`).
 */
import { CRUDDUR_RULE, parseRule, type SamplingRule } from '../../telemetry/sampling/xray-rules';
import type { XRayFleet } from '../../telemetry/sampling/xray-rules';
import { el, uniqueId } from '../kit/dom';
import { createGroupPanel, type GroupTrace } from './group-panel';

const RULE_TEXT = JSON.stringify({ SamplingRule: CRUDDUR_RULE }, null, 2);

export interface XRayPanel {
  readonly element: HTMLElement;
  readonly hostsInput: HTMLInputElement;
  read(): { ok: true; rule: SamplingRule; hosts: number } | { ok: false; message: string };
  update(fleet: XRayFleet | undefined, traces: readonly GroupTrace[]): void;
  reset(): void;
}

export function createXRayPanel(): XRayPanel {
  const ruleId = uniqueId('sl-rule');
  const rule = el('textarea', { id: ruleId, class: 'sl-rule', rows: 13, spellcheck: 'false', autocomplete: 'off' });
  rule.value = RULE_TEXT;
  const hostsId = uniqueId('sl-hosts');
  const hostsInput = el('input', { id: hostsId, type: 'number', class: 'demo-number sl-num', value: '3', min: 1, max: 6, step: 1 });
  const hostTable = el('table', { class: 'sl-hosts' });
  const group = createGroupPanel({ withMap: false });
  let lastFleet: XRayFleet | undefined;

  const drawHosts = (): void => {
    const head = el('tr', {}, ...['host', 'requests', 'borrowed', 'sampled', 'quota/s'].map((h) => el('th', { scope: 'col' }, h)));
    const rows = lastFleet
      ? [...lastFleet.stats()].map(([host, byRule]) => {
          const s = byRule.get(lastFleet!.rules[0]!.RuleName)!;
          const all = [...byRule.values()];
          return el(
            'tr',
            {},
            el('th', { scope: 'row' }, host),
            el('td', {}, String(all.reduce((n, x) => n + x.requests, 0))),
            el('td', {}, String(s.borrowed)),
            el('td', {}, String(all.reduce((n, x) => n + x.sampled, 0))),
            el('td', {}, s.quota === undefined ? 'none yet' : String(s.quota)),
          );
        })
      : [];
    hostTable.replaceChildren(el('caption', {}, `Per host, rule “${lastFleet?.rules[0]?.RuleName ?? '…'}”`), head, ...rows);
  };

  const element = el(
    'div',
    { class: 'sl-xray' },
    el('label', { for: ruleId, class: 'sl-subtitle' }, 'Sampling rule (aws/json/xray.json)'),
    rule,
    el('p', { class: 'sl-hosts-line' }, el('label', { for: hostsId, class: 'demo-label' }, 'Hosts running backend-flask'), hostsInput),
    hostTable,
    group.element,
  );
  drawHosts();
  return {
    element,
    hostsInput,
    read() {
      const parsed = parseRule(rule.value);
      if (!parsed.ok) return { ok: false, message: `The rule: ${parsed.message}.` };
      const hosts = Number(hostsInput.value);
      if (!Number.isInteger(hosts) || hosts < 1 || hosts > 6) return { ok: false, message: 'Hosts: a whole number from 1 to 6.' };
      return { ok: true, rule: parsed.rule, hosts };
    },
    update(fleet, traces) {
      lastFleet = fleet;
      drawHosts();
      group.update(traces);
    },
    reset() {
      rule.value = RULE_TEXT;
      hostsInput.value = '3';
      lastFleet = undefined;
      drawHosts();
      group.reset();
    },
  };
}
