/**
 * A tiny element builder for demo UIs. Children given as strings become text nodes, so any value, whether typed by a
 * person or carried by a span, is shown as the characters it is and never parsed as markup.
 */

type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: ReadonlyArray<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') node.className = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children);
  return node;
}

/** A per-mount unique id prefix, for label/for and aria-describedby pairs when a demo appears twice on a page. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 9)}`;
}

/**
 * Show a button as unavailable while its demo is busy, without `disabled`: disabling the focused button would drop
 * focus to the page, and the presenter's next arrow key would then move the deck. The demo ignores presses while
 * busy (its `runOne` does), so only the look and what assistive technology hears change.
 */
export function setBusy(button: HTMLButtonElement, busy: boolean): void {
  button.setAttribute('aria-disabled', String(busy));
}
