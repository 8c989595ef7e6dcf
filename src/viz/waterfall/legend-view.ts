/**
 * The legend: each service of the trace with its colour, in the order services appear down the waterfall.
 */
import type { TraceModel } from '../../telemetry/trace-model';
import { colorOrder, serviceColor } from './service-colors';

export interface LegendView {
  readonly element: HTMLUListElement;
  update(model: TraceModel | null): void;
}

/** `knownServices`: colours fixed up front, as the waterfall's `services` option gives them. */
export function createLegendView(knownServices: readonly string[] = []): LegendView {
  const element = document.createElement('ul');
  element.className = 'wf-legend';
  element.setAttribute('aria-label', 'Services');
  // A live trace calls update on every span; the list only changes when a new service shows up.
  let drawnKey = '';

  return {
    element,
    update(model) {
      const services = model?.services ?? [];
      const key = services.join('\u0000');
      if (key === drawnKey) return;
      drawnKey = key;
      const items = services.map((service) => {
        const item = document.createElement('li');
        item.className = 'wf-legend-item';
        const swatch = document.createElement('span');
        swatch.className = 'wf-swatch';
        swatch.setAttribute('aria-hidden', 'true');
        swatch.style.setProperty('--wf-service', serviceColor(service, colorOrder(knownServices, services)));
        item.append(swatch, document.createTextNode(service));
        return item;
      });
      element.replaceChildren(...items);
      element.hidden = items.length === 0;
    },
  };
}
