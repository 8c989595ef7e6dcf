/**
 * Starts the deck: reveal.js with the speaker-notes plugin, the demo lifecycle tied to reveal's events, mermaid
 * diagrams rendered as their slides come near, and the presenter's keys (R resets the demo on the current slide).
 */
import './reveal-layer.css';
import './phone.css';
import Reveal, { type RevealApi } from 'reveal.js';
import Notes from 'reveal.js/plugin/notes';
import type { DemoFactory } from '../demos/demo';
import { DemoHost } from './demo-host';
import { guardDemoKeys } from './keyboard-guard';
import { hashOfSlide, slideIndexOf } from './deep-link';
import { MermaidRenderer } from './mermaid-render';
import { phoneViewPlugin } from './phone-view';
import { fitPrintedDemos } from './print-fit';
import { showNotice } from './notice';
import { applyTrack } from './tracks';
import { readDeckParams } from './url-params';

/**
 * `isPrintView` and `isScrollView` exist at run time in reveal.js 6 but are missing from its typings (which name
 * `isPrintingPDF`).
 */
type RevealRuntime = RevealApi & { isPrintView(): boolean; isScrollView(): boolean };

export interface DeckOptions {
  readonly root: HTMLElement;
  readonly demos: Readonly<Record<string, DemoFactory>>;
}

export async function startDeck({ root, demos }: DeckOptions): Promise<RevealApi> {
  const params = readDeckParams(window.location.search);
  const link = window.location.hash; // before reveal rewrites it
  const slidesEl = root.querySelector<HTMLElement>('.slides');
  if (slidesEl) applyTrack(slidesEl, params.track);
  markCurrentTrack(root, params.track, new URLSearchParams(window.location.search).has('seed') ? params.seed : null);
  const keys = guardDemoKeys(root);
  const deck = new Reveal(root, {
    width: 1280,
    height: 720,
    // No margin on screen: the slide fills a 1280x720 window at scale 1 and a 1024x768 one at 0.8, so one floor of
    // 18 px in the slide's pixels is 18 px on a 16:9 projector and 14.4 px on a 4:3 one (the legibility test's
    // limits). reveal's default margin (0.04, 0.03 here before) shrank every slide by that much for a white border
    // nobody reads; the slide's own 24 px padding keeps text off the window's edge. Print keeps 0.03: reveal sizes
    // the paper from it, and the printed slide's place on its page was fitted to that.
    margin: isPrintUrl(window.location.search) ? 0.03 : 0,
    hash: true,
    controls: true,
    progress: true,
    slideNumber: 'c/t',
    transition: 'fade',
    transitionSpeed: 'fast',
    center: false,
    keyboardCondition: keys.keyboardCondition,
    // Print: one page per slide (a slide's last fragment state); `?pdfSeparateFragments=true` gives a page per step.
    pdfSeparateFragments: false,
    pdfMaxPagesPerSlide: 1,
    // The phone's scroll view: pages as tall as their slides (phone.css, phone-view.ts), read by scrolling freely;
    // snapping to the top of a page taller than the screen would pull the reader back up.
    scrollSnap: false,
    plugins: [Notes, phoneViewPlugin()],
  }) as RevealRuntime;
  await deck.initialize();

  params.notices.forEach((n) => { showNotice(root, n); });
  const speakerView = deck.isSpeakerNotes();
  const print = deck.isPrintView();
  if (speakerView) markSpeakerPane(root);
  const mermaid = new MermaidRenderer();
  const host = new DemoHost({
    registry: demos,
    // The speaker view's panes show each demo as print view does (its seeded end state, computed once, no timer
    // left): the simulations run only in the main window, and the presenter still sees what the slide holds.
    context: { seed: params.seed, print: print || speakerView },
    onProblem: (message) => showNotice(root, message),
  });
  // A read-only window into the demos for diagnostics (and the lifecycle tests): `tracingDeck.stats()`.
  Object.defineProperty(window, 'tracingDeck', { value: Object.freeze({ stats: () => host.stats() }), configurable: true });

  if (print) {
    // Demos mount once reveal has laid the slides out on pages, so each can take its slide's height.
    await new Promise<void>((resolve) => {
      if (root.querySelector('.pdf-page')) resolve();
      else deck.on('pdf-ready', () => resolve());
    });
    fitPrintedDemos(root);
    host.mountAll(root);
    await mermaid.renderIn(root);
    deck.layout();
    return deck;
  }

  const renderNear = (): void => {
    // The overview shows every slide at once: draw every diagram then, so no thumbnail shows a diagram's source.
    if (deck.isOverview()) {
      void mermaid.renderIn(root);
      return;
    }
    const current = deck.getCurrentSlide();
    const near = [current, current?.previousElementSibling, current?.nextElementSibling];
    for (const slide of near) if (slide instanceof HTMLElement) void mermaid.renderIn(slide);
  };
  const sync = (): void => {
    renderNear();
    if (speakerView) {
      // Each pane (current, upcoming) is a deck of its own on its own slide: its demos, static.
      const current = deck.getCurrentSlide();
      if (current) host.mountAll(current);
      return;
    }
    const hidden = deck.isOverview() || document.visibilityState === 'hidden';
    host.activate(hidden ? null : deck.getCurrentSlide());
    root.dataset['runningDemos'] = String(host.runningCount);
  };
  deck.on('slidechanged', sync);
  if (!speakerView) deck.on('slidechanged', writeHashSoon(deck));
  deck.on('overviewshown', sync);
  deck.on('overviewhidden', sync);
  document.addEventListener('visibilitychange', sync);
  deck.addKeyBinding({ keyCode: 82, key: 'R', description: 'Reset the demo on this slide' }, () =>
    host.reset(deck.getCurrentSlide()),
  );
  sync();
  if (!speakerView) void landInScrollView(deck, link);
  return deck;
}

/**
 * reveal writes the hash at most once a second (it debounces `replaceState`), so a reload or a copied link right
 * after a move landed on the slide before. This writes it within a quarter of a second of each move, trailing, so a
 * fast run of key presses makes a few writes, not one per press (browsers throttle a page that replaces its URL
 * hundreds of times in seconds). reveal's own write comes later with the same hash.
 */
function writeHashSoon(deck: RevealApi): () => void {
  const EVERY_MS = 250;
  let lastMs = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The hash as this last left it. If the address changed since (a link followed, a hash typed or set by a script:
  // its hashchange may not have reached reveal yet), writing the current slide over it would undo that navigation;
  // reveal will move there and this runs again after its slidechanged. reveal's own writes only ever say the
  // current slide, so leaving one alone loses nothing.
  let written = window.location.hash;
  const write = (): void => {
    timer = undefined;
    lastMs = performance.now();
    if (window.location.hash !== written) {
      written = window.location.hash;
      return;
    }
    const { h, v } = deck.getIndices();
    const hash = hashOfSlide(deck.getCurrentSlide()?.id, h, v ?? 0);
    if (window.location.hash !== hash) window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
    written = hash;
  };
  return () => {
    if (timer !== undefined) return;
    const wait = lastMs + EVERY_MS - performance.now();
    if (wait <= 0) write();
    else timer = setTimeout(write, wait);
  };
}

/**
 * Classes for the speaker view's panes, which are this deck in iframes (`?receiver`): every pane says its demos
 * run in the main window, and the upcoming pane (the one reveal opens with `controls=false`) leaves room at the top
 * for the "Upcoming" label reveal's speaker window lays over it.
 */
function markSpeakerPane(root: HTMLElement): void {
  root.classList.add('deck-speaker-pane');
  if (new URLSearchParams(window.location.search).get('controls') === 'false') root.classList.add('deck-upcoming-pane');
}

/**
 * The phone's scroll view opens at the title whatever the link says: once the page has loaded (reveal switches to
 * the scroll view then) go to the linked slide.
 */
async function landInScrollView(deck: RevealRuntime, link: string): Promise<void> {
  if (document.readyState !== 'complete') await new Promise((r) => window.addEventListener('load', r, { once: true }));
  await new Promise(requestAnimationFrame);
  if (!deck.isScrollView()) return;
  const slides = deck.getSlides();
  const index = slideIndexOf(slides.map((s) => s.id), link);
  // reveal's own slide() does not move its scroll view here; scrolling the viewport to the slide's page does, and
  // reveal then makes that slide current as for any scroll.
  const page = index === null ? null : slides[index]?.closest<HTMLElement>('.scroll-page');
  const viewport = deck.getViewportElement();
  if (!page || !viewport) return;
  viewport.scrollTop = page.offsetTop;
  // Put the link back where reveal wrote the title's hash over it, so a reload or a share keeps the slide.
  window.history.replaceState(window.history.state, '', link);
}

/**
 * The track picker on the title slide: mark the link of the track being shown, and keep the seed the deck was opened
 * with in every link (a presenter who rehearsed with `?seed=talk` gets the same traces on another track).
 */
function markCurrentTrack(root: HTMLElement, track: string, seed: string | null): void {
  for (const link of root.querySelectorAll<HTMLAnchorElement>('a[data-track-link]')) {
    if (seed !== null) {
      const url = new URL(link.href, window.location.href);
      url.searchParams.set('seed', seed);
      link.href = `${url.search}${url.hash}`;
    }
    if (link.dataset['trackLink'] === track) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** Whether the address asks for reveal's print view: reveal's own test, which it makes before it starts. */
function isPrintUrl(search: string): boolean {
  return /print-pdf/i.test(search);
}
