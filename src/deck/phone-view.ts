/**
 * reveal's scroll view (below its `scrollActivationWidth`, 435 px: a phone) as a page a learner can read. reveal
 * shows each 1280×720 slide there scaled to the screen's width (0.3 on a 390 px phone: 5 px text) in a page one
 * screen tall. phone.css instead lays each slide out at the phone's own width at scale 1 and lets its page grow
 * with its content; this plugin then keeps reveal's idea of the current slide true to those pages.
 *
 * reveal maps the scroll position to slides by counting (slide i of n owns the i-th n-th of the scroll range),
 * which holds only while every page is one screen tall. With pages of any height, it would make a slide current
 * (so its demo runs) while another is on the screen. This recomputes each slide's range from where its page really
 * is before every scroll sync, and scrolls to a page's top when reveal is asked for a slide. The scroll view's
 * controller is internal to reveal (a plugin's `init` receives it as `scroll`): if its shape is not the one read
 * here, nothing is patched and reveal's own mapping stays. It also leaves swipes to the browser there (see
 * leaveSwipesToTheBrowser).
 */
import type { RevealApi } from 'reveal.js';

/** A slide's page as reveal's scroll view keeps it (the fields read or written here). */
interface ScrollPage {
  readonly pageElement?: HTMLElement;
}

/** One slide's scroll trigger: its page and the part of the scroll range (0 to 1) where it is current. */
interface SlideTrigger {
  readonly page: ScrollPage & { readonly slideElement: HTMLElement };
  range: [number, number];
}

/** reveal 6's scroll view controller, as far as this plugin relies on it. */
interface ScrollViewController {
  slideTriggers?: SlideTrigger[];
  activate(): void;
  deactivate(): void;
  isActive(): boolean;
  setTriggerRanges(): void;
  syncScrollPosition(): void;
  scrollToSlide(slide: HTMLElement): void;
}

/**
 * A slide becomes current once its page's top is this far down the screen (as a fraction of its height) or
 * higher: a slide is the one being read when it fills the upper part of the screen, not when its title peeks in.
 */
const CURRENT_FROM_FRAC = 0.35;

function isScrollViewController(value: unknown): value is ScrollViewController {
  const v = value as Partial<Record<keyof ScrollViewController, unknown>> | null;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.activate === 'function' &&
    typeof v.deactivate === 'function' &&
    typeof v.isActive === 'function' &&
    typeof v.setTriggerRanges === 'function' &&
    typeof v.syncScrollPosition === 'function' &&
    typeof v.scrollToSlide === 'function'
  );
}

/** The top of an element in the viewport's scrolled content, in px. */
function topInViewportPx(viewport: HTMLElement, el: HTMLElement): number {
  return el.getBoundingClientRect().top - viewport.getBoundingClientRect().top + viewport.scrollTop;
}

/**
 * Each slide's range from its page's position: slide i is current while the scroll position is between its page's
 * top and the next page's top, both less `CURRENT_FROM_FRAC` of the screen. Ranges ascend strictly (a page too short
 * to own any scroll still gets a sliver), so reveal never finds two current slides at one position.
 */
export function rangesFromTops(topsPx: readonly number[], viewportPx: number, scrollablePx: number): [number, number][] {
  const EPSILON = 1e-6;
  const n = topsPx.length;
  const starts = topsPx.map((top, i) => {
    if (i === 0 || scrollablePx <= 0) return i === 0 ? 0 : 1;
    const frac = (top - viewportPx * CURRENT_FROM_FRAC) / scrollablePx;
    return Math.min(Math.max(frac, 0), 1 - (n - i) * EPSILON);
  });
  for (let i = 1; i < n; i++) starts[i] = Math.max(starts[i]!, starts[i - 1]! + EPSILON);
  return starts.map((start, i) => [start, i === n - 1 ? 1 : starts[i + 1]! - EPSILON / 2]);
}

/**
 * reveal keeps its swipe navigation in a scroll view it entered by width (only `view: 'scroll'` turns it off): a
 * sideways swipe over a trace or a diagram, meant to scroll it, jumped a whole screen down the deck instead.
 * `data-prevent-swipe` on the deck (reveal's own opt-out) leaves the phone's scrolling to the browser.
 */
function leaveSwipesToTheBrowser(view: ScrollViewController, deckEl: HTMLElement): void {
  const activate = view.activate.bind(view);
  const deactivate = view.deactivate.bind(view);
  view.activate = () => {
    activate();
    deckEl.setAttribute('data-prevent-swipe', '');
  };
  view.deactivate = () => {
    deactivate();
    deckEl.removeAttribute('data-prevent-swipe');
  };
  if (view.isActive()) deckEl.setAttribute('data-prevent-swipe', '');
}

function patchScrollView(view: ScrollViewController, viewport: HTMLElement): void {
  const pageOf = (trigger: SlideTrigger): HTMLElement | null => trigger.page.pageElement ?? trigger.page.slideElement.closest<HTMLElement>('.scroll-page');
  const measure = (): void => {
    const triggers = view.slideTriggers;
    if (!triggers?.length) return;
    const pages = triggers.map(pageOf);
    // A trigger without a page of its own (an auto-animate step, which this deck does not use): keep reveal's count.
    if (pages.some((p) => p === null)) return;
    const ranges = rangesFromTops(
      pages.map((p) => topInViewportPx(viewport, p!)),
      viewport.offsetHeight,
      viewport.scrollHeight - viewport.offsetHeight,
    );
    triggers.forEach((t, i) => {
      t.range = ranges[i]!;
    });
  };
  const setTriggerRanges = view.setTriggerRanges.bind(view);
  const syncScrollPosition = view.syncScrollPosition.bind(view);
  const scrollToSlide = view.scrollToSlide.bind(view);
  view.setTriggerRanges = () => {
    setTriggerRanges();
    measure();
  };
  // Pages change height as their demos run and diagrams draw: measure again at each scroll, before reveal reads.
  view.syncScrollPosition = () => {
    measure();
    syncScrollPosition();
  };
  view.scrollToSlide = (slide) => {
    const page = slide.closest<HTMLElement>('.scroll-page');
    if (!view.isActive() || !page) {
      scrollToSlide(slide);
      return;
    }
    viewport.scrollTop = topInViewportPx(viewport, page);
  };
}

/**
 * The plugin to pass in reveal's `plugins`: it patches the scroll view's slide ranges as described above. It does
 * nothing outside the scroll view, so the desktop and print views are reveal's own.
 */
export function phoneViewPlugin(): { id: string; init(reveal: RevealApi): void } {
  return {
    id: 'phone-view',
    init(reveal) {
      const view: unknown = (reveal as RevealApi & { scroll?: unknown }).scroll;
      const viewport = reveal.getViewportElement();
      if (!isScrollViewController(view) || !viewport) return;
      patchScrollView(view, viewport);
      leaveSwipesToTheBrowser(view, reveal.getRevealElement() as HTMLElement);
    },
  };
}
