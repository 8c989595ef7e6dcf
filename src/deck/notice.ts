/**
 * A small dismissible notice over the deck, for problems worth telling (a bad `?seed=`, a demo that failed to
 * start). The message is always set as text.
 */
export function showNotice(root: HTMLElement, message: string): void {
  let region = root.ownerDocument.querySelector<HTMLElement>('.deck-notices');
  if (!region) {
    region = root.ownerDocument.createElement('div');
    region.className = 'deck-notices';
    region.setAttribute('role', 'status');
    region.setAttribute('aria-live', 'polite');
    root.ownerDocument.body.append(region);
  }
  const item = root.ownerDocument.createElement('p');
  item.className = 'deck-notice';
  const text = root.ownerDocument.createElement('span');
  text.textContent = message;
  const close = root.ownerDocument.createElement('button');
  close.type = 'button';
  close.textContent = 'Dismiss';
  close.addEventListener('click', () => item.remove());
  item.append(text, close);
  region.append(item);
}
