/**
 * The details panel: every field of the selected span (from `spanDetailFields`) as definition lists, one per
 * section. Values are text nodes, never markup.
 */
import { DETAIL_SECTION_TITLES, type DetailField } from './span-detail-fields';

export interface SpanDetailsView {
  readonly element: HTMLElement;
  /** Show these fields, under a title naming the span. */
  show(title: string, fields: readonly DetailField[]): void;
  hide(): void;
  destroy(): void;
}

/**
 * @param onClose called when the close button is used; the owner clears its selection.
 * @param onFollow called with a link's other end when its button is used; without it, links are text only.
 */
export function createSpanDetailsView(onClose: () => void, onFollow?: (target: NonNullable<DetailField['target']>) => void): SpanDetailsView {
  // A div with role="region", not a <section>: reveal.js takes any slide holding a <section> for a vertical stack
  // (and gives it `pointer-events: none`).
  const element = document.createElement('div');
  element.className = 'wf-details';
  element.setAttribute('role', 'region');
  element.setAttribute('aria-label', 'Span details');
  element.hidden = true;
  const head = document.createElement('div');
  head.className = 'wf-details-head';
  const title = document.createElement('div');
  title.className = 'wf-details-title';
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'wf-details-close';
  close.textContent = '×';
  close.setAttribute('aria-label', 'Close span details');
  close.title = 'Close span details';
  close.addEventListener('click', onClose);
  head.append(title, close);
  const body = document.createElement('div');
  body.className = 'wf-details-body';
  // The body scrolls on its own; a tab stop lets keyboard users scroll it too.
  body.tabIndex = 0;
  body.setAttribute('role', 'group');
  body.setAttribute('aria-label', 'Span fields');
  element.append(head, body);
  // A live trace calls show on every span: redraw only when the fields change, so the body keeps its scroll.
  let drawnKey = '';

  return {
    element,
    show(titleText, fields) {
      element.hidden = false;
      const key = [titleText, ...fields.map((f) => `${f.section}\u0000${f.label}\u0000${f.value}`)].join('\u0001');
      if (key === drawnKey) return;
      drawnKey = key;
      title.textContent = titleText;
      const groups: HTMLElement[] = [];
      let list: HTMLDListElement | null = null;
      let section: DetailField['section'] | null = null;
      for (const field of fields) {
        if (field.section !== section || list === null) {
          section = field.section;
          const heading = document.createElement('div');
          heading.className = 'wf-details-heading';
          heading.textContent = DETAIL_SECTION_TITLES[section];
          list = document.createElement('dl');
          list.className = 'wf-dl';
          const group = document.createElement('div');
          group.className = 'wf-details-group';
          group.append(heading, list);
          groups.push(group);
        }
        const dt = document.createElement('dt');
        dt.textContent = field.label;
        const dd = document.createElement('dd');
        dd.textContent = field.value;
        const target = field.target;
        if (target && onFollow) {
          // A link into this trace selects its span; one into another trace opens that trace (the owner's call).
          const follow = document.createElement('button');
          follow.type = 'button';
          follow.className = 'wf-link-follow';
          follow.textContent = target.sameTrace ? 'Go to span' : 'Open trace';
          follow.setAttribute('aria-label', `${target.sameTrace ? 'Go to span' : 'Open trace'} ${target.traceId.slice(0, 8)}, span ${target.spanId}`);
          follow.addEventListener('click', () => onFollow(target));
          dd.append(' ', follow);
        }
        list.append(dt, dd);
      }
      body.replaceChildren(...groups);
    },
    hide() {
      element.hidden = true;
      drawnKey = '';
      body.replaceChildren();
    },
    destroy() {
      close.removeEventListener('click', onClose);
      element.remove();
    },
  };
}
