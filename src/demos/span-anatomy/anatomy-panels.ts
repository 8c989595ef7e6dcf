/**
 * The two sides of one span, drawn from the pure lines: the debug form on the left, the OTel JSON on the right.
 * Every line that belongs to a matched pair carries the pair's keys; hovering or focusing it lights up every line
 * sharing a key, on both sides, and the legend says how the pair relates. All values are text nodes.
 */
import { jsonPieces } from '../../viz/span-anatomy/span-anatomy-json';
import { debugLines, otelLines } from '../../viz/span-anatomy/span-anatomy-lines';
import type { AnatomyRow } from '../../viz/span-anatomy/span-anatomy-rows';
import { el } from '../kit/dom';

export interface AnatomyPanels {
  readonly element: HTMLElement;
  /** Draw this span's rows, or the empty state when `rows` is null. */
  show(rows: readonly AnatomyRow[] | null): void;
}

/**
 * Long values (a stack trace) show their start: the rest would push every other field off the slide. A debug
 * value keeps 2 lines; an OTel value is one JSON string with its line breaks escaped, so it keeps 150 characters.
 */
const MAX_VALUE_LINES = 2;
const MAX_VALUE_CHARS = 150;
const DEFAULT_LEGEND = [
  'service: the program that did the work (web, taster); per span here, so datastore spans say postgres or redis.',
  'name: the kind of operation (a web request, a SQL query). resource: which one: the route or the query text.',
];

function clip(value: string): string {
  const lines = value.split('\n');
  // A Python traceback says most at its end (most recent call last): keep its first line and the raise.
  if (lines.length > MAX_VALUE_LINES && lines[0] === 'Traceback (most recent call last):') {
    return `${lines[0]}\n… ${lines.length - 2} more lines\n${lines[lines.length - 1]!}`;
  }
  if (lines.length > MAX_VALUE_LINES) return `${lines.slice(0, MAX_VALUE_LINES).join('\n')}\n… ${lines.length - MAX_VALUE_LINES} more lines`;
  return value.length > MAX_VALUE_CHARS ? `${value.slice(0, MAX_VALUE_CHARS)} … ${value.length - MAX_VALUE_CHARS} more characters` : value;
}

/** A JSON value, clipped like `clip` but inside its string literal, so the closing quote stays where JSON has it. */
function clipJson(value: string): string {
  if (value.length <= MAX_VALUE_CHARS || !value.startsWith('"') || !value.endsWith('"')) return clip(value);
  return `${value.slice(0, MAX_VALUE_CHARS)}…" (${value.length - MAX_VALUE_CHARS} more characters)`;
}

/** Scroll `list` (and only it: never the slide) so that `line` is in view, a third of the way down. */
function revealInList(list: HTMLElement, line: HTMLElement): void {
  const top = line.offsetTop;
  if (top >= list.scrollTop && top + line.offsetHeight <= list.scrollTop + list.clientHeight) return;
  list.scrollTop = Math.max(0, top - list.clientHeight / 3);
}

export function createAnatomyPanels(): AnatomyPanels {
  const debugList = el('ul', { class: 'sa-debug', 'aria-label': 'The span in the workshop tracer’s debug form' });
  const json = el('ul', { class: 'sa-json', 'aria-label': 'The same span as OpenTelemetry JSON' });
  const legend = el('div', { class: 'sa-legend', role: 'status', 'aria-live': 'polite' });
  // The legend is a live region: rewrite it only when its text changes, or a pointer moving over a line's parts
  // would have screen readers announce the same note again and again.
  let legendKey = '';
  const setLegend = (lines: readonly string[]): void => {
    const key = lines.join('\n');
    if (key === legendKey) return;
    legendKey = key;
    legend.replaceChildren(...lines.map((l) => el('p', { class: 'sa-legend-line' }, l)));
  };
  setLegend(DEFAULT_LEGEND);
  const element = el(
    'div',
    { class: 'sa-panels' },
    el('div', { class: 'sa-side' }, el('p', { class: 'sa-side-title' }, 'The workshop tracer’s debug print'), debugList),
    el('div', { class: 'sa-side' }, el('p', { class: 'sa-side-title' }, 'OpenTelemetry span, as OTLP JSON'), json),
    legend,
  );
  let notes = new Map<string, string>();

  const light = (keys: readonly string[], from?: HTMLElement): void => {
    for (const line of element.querySelectorAll<HTMLElement>('[data-keys]')) {
      const mine = (line.dataset['keys'] ?? '').split(' ');
      line.classList.toggle('sa-lit', keys.some((k) => mine.includes(k)));
    }
    setLegend(keys.length ? keys.slice(0, 2).map((k) => notes.get(k) ?? '') : DEFAULT_LEGEND);
    // The partner may be scrolled out of its panel (a long span has more lines than fit): bring it into view.
    const other = from && (debugList.contains(from) ? json : debugList);
    const partner = other?.querySelector<HTMLElement>('.sa-lit');
    if (other && partner) revealInList(other, partner);
  };
  const onEnter = (event: Event): void => {
    const line = (event.target as HTMLElement | null)?.closest<HTMLElement>('[data-keys]');
    if (line) light((line.dataset['keys'] ?? '').split(' '), line);
  };
  // One tab stop per panel (a span has some 40 lines): arrows, Home and End move among a panel's lines.
  const onKey = (event: KeyboardEvent): void => {
    const line = (event.target as HTMLElement | null)?.closest<HTMLElement>('[data-keys]');
    const list = line?.parentElement;
    if (!line || !list) return;
    const lines = [...list.querySelectorAll<HTMLElement>(':scope > [data-keys]')];
    const at = lines.indexOf(line);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: lines.length - 1 }[event.key];
    const next = to === undefined ? undefined : lines[Math.max(0, Math.min(lines.length - 1, to))];
    if (!next) return;
    event.preventDefault();
    line.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  };
  element.addEventListener('keydown', onKey);
  element.addEventListener('pointerover', onEnter);
  element.addEventListener('focusin', onEnter);
  element.addEventListener('pointerleave', () => light([]));
  element.addEventListener('focusout', (e) => {
    if (!element.contains((e as FocusEvent).relatedTarget as Node | null)) light([]);
  });

  // Keys are joined with spaces in data-keys; row keys hold no spaces unless an attribute name does, so encode.
  const keyAttr = (keys: readonly string[]) => keys.map(encodeURIComponent).join(' ');

  return {
    element,
    show(rows) {
      notes = new Map((rows ?? []).map((r) => [encodeURIComponent(r.key), r.note]));
      light([]);
      if (!rows) {
        debugList.replaceChildren(el('li', { class: 'sa-empty' }, 'Send the request to see a span.'));
        json.replaceChildren(el('li', { class: 'sa-empty' }, 'Its OpenTelemetry form appears here.'));
        return;
      }
      const lines = debugLines(rows);
      const firstTag = lines.findIndex((l) => l.tag);
      debugList.replaceChildren(
        ...lines.flatMap((l, i) => [
          ...(i === firstTag ? [el('li', { class: 'sa-debug-line' }, el('span', { class: 'sa-field' }, 'tags'))] : []),
          el(
            'li',
            { class: `sa-debug-line${l.tag ? ' sa-tag' : ''}`, tabindex: i === 0 ? 0 : -1, 'data-keys': keyAttr(l.keys), 'data-field': l.tag ? `tags.${l.label}` : l.label },
            el('span', { class: 'sa-field' }, l.tag ? `${l.label}:` : l.label),
            el('span', { class: 'sa-value' }, clip(l.value)),
          ),
        ]),
      );
      json.replaceChildren(
        ...jsonPieces(otelLines(rows)).map((p, i, all) => {
          const indent = { 'data-indent': p.indent };
          if ('punct' in p) return el('li', { class: 'sa-json-line sa-punct', ...indent }, p.punct);
          const { line } = p;
          return el(
            'li',
            { class: 'sa-json-line', tabindex: all.findIndex((q) => 'line' in q) === i ? 0 : -1, 'data-keys': keyAttr(line.keys), 'data-path': line.path, ...indent },
            p.wrap?.before ?? '',
            el('span', { class: 'sa-json-key' }, JSON.stringify(line.label)),
            ': ',
            el('span', { class: 'sa-value' }, clipJson(line.value)),
            `${p.wrap?.after ?? ''}${p.comma ? ',' : ''}`,
            ...(line.hint ? [el('span', { class: 'sa-hint' }, ` ${line.hint}`)] : []),
          );
        }),
      );
    },
  };
}
