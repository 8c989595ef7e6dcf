/**
 * A drawn SVG (the service map) as a standalone document: cloned, each element's computed paint and font written
 * into its own `style`, so the file looks as the slide does without the deck's stylesheets; scripts, foreign objects,
 * event handler attributes and outside links dropped, so it is only a picture. DOM-bound (it reads computed styles).
 */
import { SVG_FONT } from './svg-text';

const PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'opacity',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'display',
] as const;

const DROP = new Set(['script', 'foreignObject', 'iframe', 'style']);

/** The standalone SVG text of `svg` as drawn now, `width` × `height` (its viewBox is kept). */
export function standaloneSvg(svg: SVGSVGElement, title: string): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const from = [svg, ...svg.querySelectorAll('*')];
  const to = [copy, ...copy.querySelectorAll('*')];
  from.forEach((el, i) => {
    const target = to[i]!;
    const computed = getComputedStyle(el);
    const style = PROPS.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
    target.setAttribute('style', style);
    for (const attr of [...target.attributes]) {
      const link = attr.name === 'href' || attr.name === 'xlink:href';
      if (attr.name.startsWith('on') || (link && !attr.value.startsWith('#')) || attr.name === 'class' || attr.name === 'tabindex') {
        target.removeAttribute(attr.name);
      }
    }
  });
  for (const el of [...copy.querySelectorAll('*')]) if (DROP.has(el.localName)) el.remove();
  const box = svg.getBoundingClientRect();
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(Math.round(box.width) || 800));
  copy.setAttribute('height', String(Math.round(box.height) || 600));
  copy.setAttribute('font-family', SVG_FONT);
  const titleEl = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  titleEl.textContent = title;
  copy.prepend(titleEl);
  return new XMLSerializer().serializeToString(copy);
}
