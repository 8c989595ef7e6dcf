/**
 * Mermaid diagrams in slides: `<pre class="mermaid-src">graph LR; ...</pre>`. Mermaid is loaded only when a slide
 * that has one comes near, and renders off-screen with `mermaid.render` (a diagram drawn on a `display:none` slide
 * would be measured as empty). Each diagram is rendered once and cached by its source.
 */

type MermaidApi = typeof import('mermaid').default;

export class MermaidRenderer {
  private api: Promise<MermaidApi> | undefined;
  private readonly cache = new Map<string, Promise<string>>();
  private counter = 0;

  /** Render every not-yet-rendered diagram inside `root`; resolves when they are in the page. */
  async renderIn(root: ParentNode): Promise<void> {
    const sources = [...root.querySelectorAll<HTMLElement>('pre.mermaid-src:not([data-rendered])')];
    await Promise.all(sources.map((pre) => this.renderOne(pre)));
  }

  private load(): Promise<MermaidApi> {
    this.api ??= import('mermaid').then(({ default: mermaid }) => {
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        theme: 'base',
        fontFamily: 'var(--deck-font)',
        // Mermaid's diagrams take their text size from here (16 by default), whatever their own settings say.
        fontSize: 22,
        themeVariables: {
          fontSize: '22px',
          primaryColor: '#e8f1fb',
          primaryBorderColor: '#2a5d8f',
          primaryTextColor: '#1b1f24',
          lineColor: '#4a5561',
        },
        // Plain SVG text rather than HTML labels: the output then parses as SVG, with no HTML inside it.
        flowchart: { htmlLabels: false, useMaxWidth: true },
        // Sequence diagrams default to 14px text, unreadable from the back of a room once scaled into a column.
        sequence: {
          useMaxWidth: true,
          mirrorActors: false,
          actorFontSize: 24,
          messageFontSize: 22,
          noteFontSize: 20,
          width: 130,
          height: 54,
          actorMargin: 36,
          messageMargin: 46,
          boxMargin: 10,
          boxTextMargin: 8,
        },
      });
      return mermaid;
    });
    return this.api;
  }

  private async renderOne(pre: HTMLElement): Promise<void> {
    pre.dataset['rendered'] = 'pending';
    const source = pre.textContent ?? '';
    let svgText = this.cache.get(source);
    if (!svgText) {
      svgText = this.load().then(async (mermaid) => (await mermaid.render(`mermaid-${++this.counter}`, source)).svg);
      this.cache.set(source, svgText);
    }
    const figure = document.createElement('div');
    figure.className = 'mermaid-diagram';
    try {
      // The SVG comes from mermaid (strict security level, sanitized) drawing a diagram whose source is the slide's
      // own constant text; it is parsed as SVG, not as HTML, and adopted as nodes.
      const doc = new DOMParser().parseFromString(await svgText, 'image/svg+xml');
      const svg = doc.documentElement;
      if (svg.nodeName !== 'svg') throw new Error('mermaid returned no SVG');
      svg.setAttribute('role', 'img');
      svg.setAttribute('aria-label', pre.getAttribute('aria-label') ?? 'Diagram');
      // The drawing's own width, for a phone (phone.css): there a wide diagram keeps a width its text can be read
      // at and scrolls sideways in its box.
      const widthPx = Number(svg.getAttribute('viewBox')?.trim().split(/[\s,]+/)[2]);
      if (widthPx > 0) figure.style.setProperty('--diagram-width', `${widthPx}px`);
      figure.append(document.importNode(svg, true));
      pre.dataset['rendered'] = 'done';
    } catch (error) {
      figure.classList.add('mermaid-failed');
      figure.textContent = `This diagram could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
      pre.dataset['rendered'] = 'failed';
    }
    pre.after(figure);
  }
}
