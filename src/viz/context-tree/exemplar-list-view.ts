/**
 * The exemplar traces of one path: a heading naming the path and one button per trace id, each opening that trace
 * (the demo decides where: a waterfall). Ids and names come from spans, so they are written as text only.
 */

/** One exemplar, with what the list says about it ("412 ms · error"). */
export interface ExemplarItem {
  readonly traceId: string;
  readonly note: string;
}

export interface ExemplarListView {
  readonly element: HTMLElement;
  /** List the traces of the path `label`, and move focus to the first one when `focus` is set. */
  show(label: string, items: readonly ExemplarItem[], focus: boolean): void;
  /** Back to the hint. */
  clear(): void;
  /** Focus the button of `traceId` (after its trace closes); false if it is not listed. */
  focusTrace(traceId: string): boolean;
  destroy(): void;
}

export function createExemplarList(
  container: HTMLElement,
  hint: string,
  onOpen: (traceId: string, label: string) => void,
): ExemplarListView {
  const element = document.createElement('div');
  element.className = 'cct-exemplars';
  element.setAttribute('role', 'region');
  element.setAttribute('aria-label', 'Traces of a path');
  const heading = document.createElement('p');
  heading.className = 'cct-ex-heading';
  const list = document.createElement('ul');
  list.className = 'cct-ex-list';
  element.append(heading, list);
  container.append(element);
  let label = '';

  const onClick = (event: MouseEvent): void => {
    const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('.cct-ex-open') : null;
    const id = button?.dataset['traceId'];
    if (id) onOpen(id, label);
  };
  list.addEventListener('click', onClick);

  const view: ExemplarListView = {
    element,
    show(pathLabel, items, focus) {
      label = pathLabel;
      heading.textContent = `Traces through ${pathLabel}`;
      list.replaceChildren(
        ...items.map(({ traceId, note }) => {
          const button = document.createElement('button');
          button.type = 'button';
          button.className = 'cct-ex-open';
          button.dataset['traceId'] = traceId;
          const id = document.createElement('span');
          id.className = 'cct-ex-id';
          // The heading says these are traces; eight hex digits tell them apart, the title gives the whole id.
          id.textContent = `${traceId.slice(0, 8)}…`;
          const what = document.createElement('span');
          what.className = 'cct-ex-note';
          what.textContent = note;
          button.append(id, what);
          // The visible text is the name (axe's label-in-name); the title gives the whole id.
          button.title = `Open trace ${traceId}`;
          const item = document.createElement('li');
          item.append(button);
          return item;
        }),
      );
      if (focus) list.querySelector<HTMLButtonElement>('button')?.focus();
    },
    clear() {
      label = '';
      heading.textContent = hint;
      list.replaceChildren();
    },
    focusTrace(traceId) {
      const button = [...list.querySelectorAll<HTMLButtonElement>('.cct-ex-open')].find((b) => b.dataset['traceId'] === traceId);
      button?.focus();
      return button !== undefined;
    },
    destroy() {
      list.removeEventListener('click', onClick);
      element.remove();
    },
  };
  view.clear();
  return view;
}
