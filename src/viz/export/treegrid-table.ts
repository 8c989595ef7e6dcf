/**
 * What a treegrid (the calling context tree) shows, read back from its DOM as text rows for `tableSvg`: the column
 * headers, then each row's level and cell texts, as drawn (folded rows are not drawn, so not exported). Columns of
 * buttons only ("Traces") are left out: a picture cannot press them.
 */
import type { SvgTable } from './table-svg';

export function treegridTable(container: HTMLElement, title: string): SvgTable {
  const grid = container.querySelector('[role="treegrid"]');
  if (!grid) return { title, header: [], rows: [] };
  const header = [...grid.querySelectorAll('[role="columnheader"]')].map((c) => c.textContent?.trim() ?? '');
  const keep = header.map((h) => h !== 'Traces');
  const rows = [...grid.querySelectorAll('[role="row"][aria-level]')].map((row) => ({
    level: Number(row.getAttribute('aria-level')) || 1,
    cells: [...row.querySelectorAll('[role="gridcell"], [role="rowheader"]')].map((c) => c.textContent?.trim() ?? '').filter((_, i) => keep[i] !== false),
  }));
  return { title, header: header.filter((_, i) => keep[i]), rows };
}
