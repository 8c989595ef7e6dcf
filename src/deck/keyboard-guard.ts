/**
 * Keeps keys typed into a demo away from the deck: reveal.js listens for keydown on the document, and a presenter
 * typing "/pair/beer" into a console must not jump slides (or open the overview on Escape... or search on "/").
 * Escape in a demo's control hands focus back to the deck, so the presenter can go on with the arrow keys.
 */
export function guardDemoKeys(root: HTMLElement): () => void {
  const onKeyDown = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement | null;
    const demo = target?.closest?.('[data-demo]');
    if (!demo || target === demo) return;
    event.stopPropagation();
    if (event.key === 'Escape' && target instanceof HTMLElement) {
      target.blur();
      event.preventDefault();
    }
  };
  root.addEventListener('keydown', onKeyDown);
  return () => root.removeEventListener('keydown', onKeyDown);
}
