/**
 * The HTTP request backend-flask's OTLP exporter would send for the last batch: request line, headers (the API key
 * masked), and the OTLP/JSON body, pretty-printed. Shown as text in a focusable, scrollable region.
 */
import type { OtlpHttpRequest } from '../../telemetry/otlp-preview';
import { el } from '../kit/dom';

/** The OTLP panel: its element, and `update` to show the last request the exporter would have sent. */
export interface OtlpPanel {
  readonly element: HTMLElement;
  update(request: OtlpHttpRequest | undefined): void;
}

export function createOtlpPanel(): OtlpPanel {
  const heading = el('p', { class: 'ha-panel-title' });
  const requestLine = el('pre', { class: 'demo-terminal ha-http-head', 'aria-label': 'Request line and headers' });
  const body = el('pre', { class: 'demo-terminal demo-console ha-code', tabindex: 0, role: 'region', 'aria-label': 'OTLP/JSON request body' });
  const element = el('div', { class: 'ha-panel', role: 'region', 'aria-label': 'What the OTLP exporter would send' }, heading, requestLine, body);
  let shown: OtlpHttpRequest | undefined | null = null;
  return {
    element,
    update(request) {
      if (request === shown) return;
      shown = request;
      if (!request) {
        heading.replaceChildren(el('strong', {}, 'OTLP/HTTP exporter'), ' · nothing exported yet');
        requestLine.textContent = '';
        body.textContent = '';
        requestLine.hidden = true;
        return;
      }
      requestLine.hidden = false;
      heading.replaceChildren(
        el('strong', {}, 'OTLP/HTTP exporter'),
        ` · ${request.spanCount} spans, ${request.bytes.toLocaleString('en')} bytes · never sent`,
      );
      const headers = [...request.headers, ['content-length', String(request.bytes)] as const];
      requestLine.textContent = [`${request.method} ${request.url}`, ...headers.map(([k, v]) => `${k}: ${v}`)].join('\n');
      body.textContent = request.body;
      body.scrollTop = 0;
    },
  };
}
