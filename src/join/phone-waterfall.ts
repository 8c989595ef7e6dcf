/**
 * The phone's small waterfall: its own span on top, the deck's spans below it, each a bar placed by fractions of
 * the phone's span (the whole request as the listener waited for it). `layoutPhoneTrace` is the pure part; the DOM
 * part draws it with text only.
 */
import { type CompactSpan, placePhoneSpan } from '../lib/audience-protocol';
import { el } from '../demos/kit/dom';

/** One bar of the phone's waterfall. */
export interface PhoneRow {
  readonly name: string;
  readonly service: string;
  readonly depth: number;
  readonly leftFrac: number;
  readonly widthFrac: number;
  readonly durationMs: number;
  readonly error: boolean;
}

/**
 * Rows in the deck's depth-first order, under the phone's own span. A span whose parent is not in the answer (it
 * was cut at the answer's size limit) hangs under the phone's span.
 */
export function layoutPhoneTrace(phone: { readonly spanId: string; readonly name: string; readonly durationMs: number }, spans: readonly CompactSpan[]): PhoneRow[] {
  const deckEndMs = spans.reduce((end, s) => Math.max(end, s.offsetMs + s.durationMs), 0);
  const placed = placePhoneSpan(phone.durationMs, 0, deckEndMs);
  const totalMs = placed.endMs - placed.startMs || 1;
  const depth = new Map<string, number>([[phone.spanId, 0]]);
  const rows: PhoneRow[] = [{ name: phone.name, service: 'phone', depth: 0, leftFrac: 0, widthFrac: 1, durationMs: phone.durationMs, error: false }];
  for (const s of spans) {
    const d = (s.parentSpanId !== undefined ? depth.get(s.parentSpanId) : undefined) ?? 0;
    depth.set(s.spanId, d + 1);
    rows.push({
      name: s.name,
      service: s.service,
      depth: d + 1,
      leftFrac: (s.offsetMs - placed.startMs) / totalMs,
      widthFrac: Math.max(s.durationMs / totalMs, 0.004),
      durationMs: s.durationMs,
      error: s.error,
    });
  }
  return rows;
}

const pct = (frac: number): string => `${(Math.min(1, Math.max(0, frac)) * 100).toFixed(2)}%`;

/** The rows as a list (a screen reader hears each span's service, name and time). */
export function drawPhoneWaterfall(rows: readonly PhoneRow[]): HTMLElement {
  const list = el('ol', { class: 'pw', 'aria-label': 'Your trace, span by span' });
  for (const row of rows) {
    const bar = el('span', { class: `pw-bar pw-${row.service === 'phone' ? 'phone' : row.service === 'taster' ? 'taster' : 'web'}${row.error ? ' pw-error' : ''}` });
    bar.style.marginLeft = pct(row.leftFrac);
    bar.style.width = pct(row.widthFrac);
    const label = el('span', { class: 'pw-label' }, el('span', { class: 'pw-service' }, row.service), ' ', row.name, ' ', el('span', { class: 'pw-ms' }, `${row.durationMs.toFixed(0)} ms`));
    label.style.paddingLeft = `${Math.min(row.depth, 6) * 0.6}em`;
    list.append(el('li', { class: 'pw-row' }, label, el('span', { class: 'pw-track' }, bar)));
  }
  return list;
}
