/**
 * Print view only: give each demo on a demo slide the height it has on screen. On screen the slide is a flex column
 * and the demo takes what its title and lines leave (src/demos/kit/demo.css); reveal's print CSS forces every slide
 * to `display: block !important` (in the lowest cascade layer, so no rule of ours can undo it), and the demo would
 * shrink to its content: a waterfall's scroll box got no height and printed no rows.
 */
const DEMO_SLIDES = 'section.demo-slide, section.commute-demo-slide';

export function fitPrintedDemos(root: ParentNode): void {
  for (const slide of root.querySelectorAll<HTMLElement>(DEMO_SLIDES)) {
    const demo = slide.querySelector<HTMLElement>(':scope > [data-demo]');
    if (!demo) continue;
    const style = getComputedStyle(slide);
    const inner = slide.clientHeight - Number.parseFloat(style.paddingBottom);
    // What follows the demo on the slide (a "Try:" line, a notice) keeps its own height.
    let after = 0;
    for (let next = demo.nextElementSibling; next; next = next.nextElementSibling) {
      if (!(next instanceof HTMLElement) || next.matches('aside.notes')) continue;
      const m = getComputedStyle(next);
      after += next.offsetHeight + Number.parseFloat(m.marginTop) + Number.parseFloat(m.marginBottom);
    }
    const height = Math.floor(inner - demo.offsetTop - after);
    if (height > 0) demo.style.height = `${height}px`;
  }
}
