/**
 * A bar chart of a two-column result (one label, one number), drawn as SVG: horizontal bars, each with its label and
 * its value written beside it, so neither colour nor length is the only cue. The table beside it is the full text
 * alternative; the chart's accessible name says what it plots.
 */
import type { ChartData } from './cell-format';
import { formatCell } from './cell-format';

const SVG = 'http://www.w3.org/2000/svg';
const ROW_H = 26;
const LABEL_W = 190;
const VALUE_W = 110;
const BAR_W = 300;
const WIDTH = LABEL_W + BAR_W + VALUE_W;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Cut a label to what fits beside its bar (about 18 characters at the chart's font size). */
const shorten = (label: string): string => (label.length > 20 ? `${label.slice(0, 19)}…` : label);

export function drawBarChart(data: ChartData): SVGSVGElement {
  const height = data.bars.length * ROW_H + 4;
  const root = svg('svg', { class: 'sql-chart', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', width: WIDTH, height });
  const more = data.leftOut > 0 ? `, and ${data.leftOut} more not drawn` : '';
  root.setAttribute('aria-label', `Bar chart of ${data.valueColumn} by ${data.labelColumn}: ${data.bars.length} bars${more}. The table has every value.`);
  const max = Math.max(0, ...data.bars.map((b) => b.value));
  const min = Math.min(0, ...data.bars.map((b) => b.value));
  const span = max - min || 1;
  const zeroX = LABEL_W + ((0 - min) / span) * BAR_W;
  data.bars.forEach((bar, i) => {
    const y = i * ROW_H + 2;
    const x0 = LABEL_W + ((Math.min(0, bar.value) - min) / span) * BAR_W;
    const w = (Math.abs(bar.value) / span) * BAR_W;
    const g = svg('g', { class: 'sql-chart-row' });
    const label = svg('text', { x: LABEL_W - 8, y: y + ROW_H / 2, 'text-anchor': 'end', 'dominant-baseline': 'central', class: 'sql-chart-label' }, shorten(bar.label));
    // A cut label keeps its whole text as a tooltip.
    if (shorten(bar.label) !== bar.label) label.append(svg('title', {}, bar.label));
    g.append(
      label,
      svg('rect', { x: x0, y: y + 3, width: Math.max(w, 1), height: ROW_H - 8, rx: 3, class: 'sql-chart-bar' }),
      svg('text', { x: LABEL_W + BAR_W + 8, y: y + ROW_H / 2, 'dominant-baseline': 'central', class: 'sql-chart-value' }, formatCell(data.valueColumn, bar.value).text),
    );
    root.append(g);
  });
  root.append(svg('line', { x1: zeroX, x2: zeroX, y1: 0, y2: height, class: 'sql-chart-axis' }));
  return root;
}
