/**
 * A trace model as a standalone SVG document: the waterfall as the deck draws it (a row per span, indented by depth,
 * "service: name", a bar in the service's colour placed by its fractions of the trace, errors outlined in red, a
 * time axis and a legend), with every colour and the font written inline and no script, so any viewer shows it.
 * Pure: a string from the model, tested in Node.
 */
import type { TraceModel } from '../../telemetry/trace-model';
import { formatDuration, timeTicks } from '../time-format';
import { colorOrder, ERROR_COLOR, serviceColor } from '../waterfall/service-colors';
import { clipText, SVG_FONT, xmlText } from './svg-text';

export interface WaterfallSvgOptions {
  /** The system's services in colour order, as the waterfall was given them. */
  readonly services?: readonly string[];
  /** Rows past this are left out, with a line that says how many (an SVG of 200,000 rows helps nobody). */
  readonly maxRows?: number;
}

const WIDTH = 1200;
const LABEL_X = 8;
const TRACK_X = 440;
const TRACK_W = WIDTH - TRACK_X - 24;
const ROW_H = 22;
const TOP = 64;
const INDENT = 12;
/** About 6.6 px a character at 12 px: how much label fits before the track. */
const CHAR_PX = 6.6;

export function waterfallSvg(model: TraceModel, opts: WaterfallSvgOptions = {}): string {
  const maxRows = opts.maxRows ?? 2000;
  const rows = model.rows.slice(0, maxRows);
  const order = colorOrder(opts.services ?? [], model.services);
  const colorOf = (service: string): string => serviceColor(service, order);
  const duration = model.durationMs > 0 ? model.durationMs : 1;
  const left = model.rows.length - rows.length;
  const legendY = TOP + rows.length * ROW_H + (left > 0 ? 28 : 12);
  const height = legendY + 28;
  const out: string[] = [];
  const summary = `Trace ${model.traceId} · ${model.rows.length} spans · ${formatDuration(model.durationMs)}${model.errorCount > 0 ? ` · ${model.errorCount} ${model.errorCount === 1 ? 'error' : 'errors'}` : ''}`;
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${xmlText(SVG_FONT)}" font-size="12" role="img">`,
    `<title>${xmlText(`Waterfall of trace ${model.traceId}`)}</title>`,
    `<desc>${xmlText(summary)}</desc>`,
    `<rect width="${WIDTH}" height="${height}" fill="#fdfdfc"/>`,
    `<text x="${LABEL_X}" y="22" font-size="14" font-weight="600" fill="#1a1a1a">${xmlText(summary)}</text>`,
  );
  for (const tick of timeTicks(model.durationMs, 8)) {
    const x = (TRACK_X + tick.frac * TRACK_W).toFixed(1);
    out.push(
      `<line x1="${x}" y1="${TOP - 12}" x2="${x}" y2="${TOP + rows.length * ROW_H}" stroke="#d0d0cc" stroke-width="1"/>`,
      `<text x="${x}" y="${TOP - 18}" text-anchor="middle" font-size="11" fill="#4a4a4a">${xmlText(tick.label)}</text>`,
    );
  }
  rows.forEach((row, i) => {
    const y = TOP + i * ROW_H;
    const { span } = row;
    const indent = LABEL_X + row.depth * INDENT;
    const chars = Math.max(4, Math.floor((TRACK_X - 12 - indent) / CHAR_PX));
    const error = row.isError;
    const label = `${span.serviceName}: ${span.name}${row.orphan ? ' (parent not in trace)' : ''}`;
    const x = TRACK_X + (row.startOffsetMs / duration) * TRACK_W;
    const w = Math.max(1, (row.durationMs / duration) * TRACK_W);
    if (i % 2 === 1) out.push(`<rect x="0" y="${y}" width="${WIDTH}" height="${ROW_H}" fill="#f3f3f0"/>`);
    out.push(
      `<text x="${indent}" y="${y + 15}" fill="${error ? ERROR_COLOR : '#1a1a1a'}">${xmlText(clipText(`${error ? '! ' : ''}${label}`, chars))}</text>`,
      `<rect x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${ROW_H - 8}" rx="2" fill="${colorOf(span.serviceName)}"${error ? ` stroke="${ERROR_COLOR}" stroke-width="2"` : ''}/>`,
    );
    const durationText = xmlText(formatDuration(row.durationMs));
    // The duration after the bar, or before it when the bar ends near the right edge.
    out.push(
      x + w + 70 < WIDTH
        ? `<text x="${(x + w + 4).toFixed(1)}" y="${y + 15}" font-size="11" fill="#4a4a4a">${durationText}</text>`
        : `<text x="${(x - 4).toFixed(1)}" y="${y + 15}" font-size="11" fill="#4a4a4a" text-anchor="end">${durationText}</text>`,
    );
  });
  if (left > 0) {
    out.push(`<text x="${LABEL_X}" y="${TOP + rows.length * ROW_H + 16}" fill="#4a4a4a">${xmlText(`… and ${left} more spans, not drawn`)}</text>`);
  }
  let lx = LABEL_X;
  for (const service of model.services) {
    out.push(
      `<rect x="${lx}" y="${legendY}" width="12" height="12" fill="${colorOf(service)}"/>`,
      `<text x="${lx + 16}" y="${legendY + 11}" fill="#1a1a1a">${xmlText(service)}</text>`,
    );
    lx += 28 + Math.ceil(service.length * CHAR_PX);
  }
  out.push('</svg>');
  return out.join('\n');
}
