/**
 * Panel pieces several demos share: a box for a waterfall, and a titled column (two of them side by side in
 * `demo-columns`: the twin demos, the pipeline). Their look is in demo.css.
 */
import { el } from './dom';

/** Where a waterfall goes: it fills the box's height and may shrink in a grid or a flex column. */
export function createTraceBox(label?: string, className?: string): HTMLDivElement {
  return el('div', { class: className ? `demo-trace ${className}` : 'demo-trace', role: label ? 'region' : undefined, 'aria-label': label });
}

/** What a column says above its content: the title in the accent colour, then a note (text, or text and a count). */
export interface ColumnHead {
  readonly title: string;
  readonly note: ReadonlyArray<Node | string>;
  /** Names the column as a region for assistive technology; a column without one is not a landmark. */
  readonly label?: string;
}

/** A column of `demo-columns`: its title line, then `children` (a trace box, what it records, …). */
export function createColumn(head: ColumnHead, ...children: ReadonlyArray<Node | string>): HTMLDivElement {
  return el(
    'div',
    { class: 'demo-column', role: head.label ? 'region' : undefined, 'aria-label': head.label },
    el('p', { class: 'demo-column-title' }, el('strong', {}, head.title), ...head.note),
    ...children,
  );
}
