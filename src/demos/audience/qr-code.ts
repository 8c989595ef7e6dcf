/**
 * A QR code of the join address, drawn as one SVG path built with the DOM (never from a markup string), by
 * qrcode-generator (no dependencies, renders locally: the room may have no internet). Error correction M (15 %): a
 * projector's glare and a phone far back in the room still read it.
 */
import qrcode from 'qrcode-generator';

const SVG = 'http://www.w3.org/2000/svg';
/** Modules of white space round the code: the QR specification asks for four. */
const QUIET = 4;

/** The dark modules as path data, one 1×1 square each, in module units; `size` includes the quiet zone. */
export function qrPath(text: string): { readonly size: number; readonly d: string } {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) if (qr.isDark(row, col)) parts.push(`M${col + QUIET} ${row + QUIET}h1v1h-1z`);
  }
  return { size: n + 2 * QUIET, d: parts.join('') };
}

/** An `<svg>` of the code, scaled to its box, with the address as its accessible name. */
export function drawQrCode(text: string, label: string): SVGSVGElement {
  const { size, d } = qrPath(text);
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${size} ${size}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  const background = document.createElementNS(SVG, 'rect');
  background.setAttribute('width', String(size));
  background.setAttribute('height', String(size));
  background.setAttribute('fill', '#fff');
  const modules = document.createElementNS(SVG, 'path');
  modules.setAttribute('d', d);
  modules.setAttribute('fill', '#000');
  svg.append(background, modules);
  return svg;
}
