/**
 * What a phone's screen shows of one slide, measured in the page (pass `measureSlide` to `page.evaluate`): the
 * slide's width against the screen's, how far anything in it reaches past the screen's right edge, each visible
 * text smaller than `minTextPx` on screen, and each touch target (button, field, menu, disclosure, link, waterfall
 * row; a checkbox's label) shorter than `minTargetPx`. On-screen sizes: a text's computed font size times the scale
 * it is drawn at (a CSS transform of the slide, or an SVG's viewBox for text inside a diagram).
 *
 * It runs in the browser, so it holds everything it needs: no import, no helper outside the function.
 */

/** One thing too small, named so it can be found: a short CSS path, its size and a bit of its text. */
interface Offender {
  readonly selector: string;
  readonly px: number;
  readonly text: string;
}

export interface SlideFacts {
  readonly id: string;
  readonly viewportWidthPx: number;
  readonly slideWidthPx: number;
  /** How far the slide's content reaches past its own width (0 when it fits), and the widest element. */
  readonly overflowPx: number;
  readonly widest: string;
  readonly smallText: readonly Offender[];
  readonly smallTargets: readonly Offender[];
  /** Drawings (SVGs) shown less than 60 px tall: squashed by a layout that gave them no height. */
  readonly flatDrawings: readonly string[];
  /** How many touch targets were measured (a check of nothing passes). */
  readonly targetsChecked: number;
  readonly textsChecked: number;
}

export function measureSlide({ id, minTextPx, minTargetPx }: { id: string; minTextPx: number; minTargetPx: number }): SlideFacts {
  const slide = document.getElementById(id);
  if (!slide) throw new Error(`no slide #${id}`);
  const round = (n: number): number => Math.round(n * 10) / 10;
  const pathOf = (el: Element): string => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== slide && parts.length < 3; e = e.parentElement) {
      const cls = [...e.classList].slice(0, 2).map((c) => `.${c}`).join('');
      parts.unshift(`${e.tagName.toLowerCase()}${cls}`);
    }
    return parts.join(' > ');
  };
  const shown = (el: Element): boolean => {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
    const r = el.getBoundingClientRect();
    return r.width > 1 && r.height > 1;
  };
  const slideRect = slide.getBoundingClientRect();
  // The slide's own scale: its drawn width over its layout width (1 when nothing transforms it).
  const slideScale = slide.offsetWidth > 0 ? slideRect.width / slide.offsetWidth : 1;
  const scaleOf = (el: Element): number => {
    const svg = el instanceof SVGElement ? el : el.closest('foreignObject');
    const owner = svg instanceof SVGGraphicsElement ? svg : (svg?.closest('svg') ?? null);
    const m = owner?.getScreenCTM();
    return m ? Math.hypot(m.a, m.b) : slideScale;
  };

  const heldInBox = (el: Element): boolean => {
    for (let a: Element | null = el; a && a !== slide.parentElement; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== 'visible' && a.getBoundingClientRect().right <= slideRect.right + 1) return true;
    }
    return false;
  };
  let textOverflow = '';
  let textOverflowRight = slideRect.right;
  const smallText: Offender[] = [];
  let textsChecked = 0;
  const walker = document.createTreeWalker(slide, NodeFilter.SHOW_TEXT);
  const seen = new Set<Element>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent?.trim() ?? '';
    const parent = node.parentElement;
    if (!text || !parent || seen.has(parent)) continue;
    seen.add(parent);
    if (parent.closest('style, script, title, desc, pre.mermaid-src') || !shown(parent)) continue;
    textsChecked++;
    // Text that runs past the slide's right edge (a line that does not wrap), unless a box that scrolls or clips
    // sideways, itself within the slide, holds it.
    const range = document.createRange();
    range.selectNodeContents(node);
    const textRight = range.getBoundingClientRect().right;
    if (textRight > slideRect.right + 1 && !heldInBox(parent) && textRight > textOverflowRight) {
      textOverflowRight = textRight;
      textOverflow = `${pathOf(parent)} "${text.slice(0, 30)}"`;
    }
    const px = round(Number.parseFloat(getComputedStyle(parent).fontSize) * scaleOf(parent));
    if (px < minTextPx) smallText.push({ selector: pathOf(parent), px, text: text.slice(0, 40) });
  }

  const smallTargets: Offender[] = [];
  let targetsChecked = 0;
  const targets = slide.querySelectorAll('button, input, select, textarea, summary, a[href], [role="row"], [role="treeitem"]');
  for (const target of targets) {
    const isBox = target instanceof HTMLInputElement && (target.type === 'checkbox' || target.type === 'radio');
    // A checkbox is tapped through its label; a bare one (no label around it) is its own target.
    const el = isBox ? (target.closest('label') ?? target) : target;
    if (!shown(el) || el.closest('.wf-visually-hidden')) continue;
    targetsChecked++;
    const px = round(el.getBoundingClientRect().height);
    if (px < minTargetPx) smallTargets.push({ selector: pathOf(el), px, text: (el.textContent ?? '').trim().slice(0, 40) });
  }

  // Anything past the slide's right edge: the slide's scroll width (its overflowing content, scroll boxes inside it
  // excepted) and, to name the culprit, the element that reaches furthest.
  let widest = '';
  let widestRight = slideRect.right;
  for (const el of slide.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.right > widestRight + 1 && shown(el) && !el.closest('svg *')) {
      // Inside a box that scrolls or clips sideways, and that box within the slide, it cannot widen the page.
      const clipped = heldInBox(el.parentElement ?? el);
      if (!clipped) {
        widestRight = r.right;
        widest = pathOf(el);
      }
    }
  }
  // Drawings squashed flat: an SVG sized by a box that takes its height from the slide's (a flex: 1 stage), on a
  // page whose height is its content's, gets none. An icon is small both ways; a squashed drawing is wide and flat.
  const flatDrawings: string[] = [];
  for (const drawing of slide.querySelectorAll('svg')) {
    if (drawing.parentElement?.closest('svg')) continue;
    const r = drawing.getBoundingClientRect();
    if (r.width >= 100 && r.height < 24 && drawing.checkVisibility({ visibilityProperty: true })) flatDrawings.push(`${pathOf(drawing)} ${round(r.height)} px tall`);
  }
  if (textOverflowRight > widestRight) {
    widestRight = textOverflowRight;
    widest = textOverflow;
  }
  return {
    id,
    viewportWidthPx: window.innerWidth,
    slideWidthPx: round(slideRect.width),
    // A slide that scrolls sideways itself (a wide figure's box) holds what is wider than it.
    overflowPx: round(Math.max(getComputedStyle(slide).overflowX === 'visible' ? slide.scrollWidth - slide.clientWidth : 0, widestRight - slideRect.right, 0)),
    widest,
    smallText,
    smallTargets,
    flatDrawings,
    targetsChecked,
    textsChecked,
  };
}
