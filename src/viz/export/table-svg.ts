/**
 * A table of text rows as a standalone SVG: for views drawn as HTML grids (the calling context tree), exported with
 * what their rows say. The first column is indented by each row's level. Pure; every cell is text.
 */
import { clipText, SVG_FONT, xmlText } from './svg-text';

export interface SvgTable {
  readonly title: string;
  readonly header: readonly string[];
  /** Each row's level (1 at the top) and its cells, in header order. */
  readonly rows: ReadonlyArray<{ readonly level: number; readonly cells: readonly string[]; readonly color?: string }>;
}

const ROW_H = 22;
const FIRST_W = 460;
const COL_W = 120;
const CHAR_PX = 6.6;

export function tableSvg(table: SvgTable): string {
  const width = FIRST_W + COL_W * Math.max(0, table.header.length - 1) + 16;
  const height = 56 + (table.rows.length + 1) * ROW_H;
  const colX = (c: number): number => (c === 0 ? 8 : FIRST_W + (c - 1) * COL_W + COL_W - 8);
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${xmlText(SVG_FONT)}" font-size="12" role="img">`,
    `<title>${xmlText(table.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#fdfdfc"/>`,
    `<text x="8" y="22" font-size="14" font-weight="600" fill="#1a1a1a">${xmlText(table.title)}</text>`,
  ];
  const line = (cells: readonly string[], y: number, level: number, weight: string, color?: string): void => {
    cells.forEach((cell, c) => {
      const indent = c === 0 ? (level - 1) * 14 : 0;
      const max = c === 0 ? Math.floor((FIRST_W - 16 - indent) / CHAR_PX) : Math.floor((COL_W - 8) / CHAR_PX);
      const anchor = c === 0 ? '' : ' text-anchor="end"';
      out.push(`<text x="${colX(c) + indent}" y="${y}"${anchor} font-weight="${weight}" fill="${c === 0 && color ? color : '#1a1a1a'}">${xmlText(clipText(cell, max))}</text>`);
    });
  };
  line(table.header, 48, 1, '600');
  out.push(`<line x1="0" y1="54" x2="${width}" y2="54" stroke="#d0d0cc"/>`);
  table.rows.forEach((row, i) => {
    const y = 56 + (i + 1) * ROW_H - 6;
    if (i % 2 === 1) out.push(`<rect x="0" y="${y - 15}" width="${width}" height="${ROW_H}" fill="#f3f3f0"/>`);
    line(row.cells, y, row.level, '400', row.color);
  });
  out.push('</svg>');
  return out.join('\n');
}
