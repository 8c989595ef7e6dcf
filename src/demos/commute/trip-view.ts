/**
 * The "go to work" panel: pick a route, send one commuter, read where they are and how it went. It only draws and
 * reports what the person did; the demo decides what happens. Every value is set as text.
 */
import { ROUTE_NAMES, type RouteName } from '../../sim/commute';
import { createButton, createResetButton } from '../kit/buttons';
import { createSpeedSelect } from '../kit/controls';
import { el, uniqueId } from '../kit/dom';

export interface TripHandlers {
  go(route: RouteName | undefined): void;
  setSpeed(speed: number): void;
  reset(): void;
}

/** Virtual ms per wall ms: one commuting minute (60,000 virtual ms) in 0.05 s to 1 s of wall time. */
const TRIP_SPEEDS: ReadonlyArray<readonly [number, string]> = [
  [1200, '1 min in 0.05 s'],
  [600, '1 min in 0.1 s'],
  [240, '1 min in 0.25 s'],
  [60, '1 min in 1 s'],
];

export const DEFAULT_ROUTE: RouteName = 'Crosstown';
const ANY_ROUTE = '';

export interface TripView {
  readonly element: HTMLElement;
  /** What the commuter knows, line by line; `tone` colours the last line. */
  showStatus(lines: readonly string[], tone?: 'ok' | 'late' | 'pending'): void;
  setRoute(route: RouteName): void;
  resetControls(speed: number): void;
}

export function createTripView(handlers: TripHandlers, speed: number): TripView {
  const routeId = uniqueId('cm-route');
  const routeSelect = el('select', { id: routeId, class: 'cm-select' });
  for (const name of ROUTE_NAMES) routeSelect.append(el('option', { value: name }, name));
  routeSelect.append(el('option', { value: ANY_ROUTE }, 'Any (as the city picks)'));
  routeSelect.value = DEFAULT_ROUTE;

  const goButton = createButton(
    'Go to work',
    () => {
      const value = routeSelect.value;
      handlers.go(value === ANY_ROUTE ? undefined : (ROUTE_NAMES.find((n) => n === value) ?? DEFAULT_ROUTE));
    },
    { primary: true },
  );

  const status = el('div', { class: 'cm-status', role: 'status', 'aria-live': 'polite' });

  const speedSelect = createSpeedSelect(speed, (s) => handlers.setSpeed(s), TRIP_SPEEDS);
  const resetButton = createResetButton(() => handlers.reset());

  const element = el(
    'div',
    { class: 'cm-panel', role: 'region', 'aria-label': 'Commute controls' },
    el('label', { for: routeId, class: 'cm-label' }, 'Route'),
    routeSelect,
    goButton,
    status,
    el('p', { class: 'cm-hint' }, 'Click a leg in the trace to read its tags. Press again for the next morning, or try another route.'),
    el('div', { class: 'cm-row' }, speedSelect.element, resetButton),
  );

  const view: TripView = {
    element,
    showStatus(lines, tone) {
      status.replaceChildren(
        ...lines.map((line, i) =>
          el('p', { class: i === lines.length - 1 && tone ? `cm-status-line cm-${tone}` : 'cm-status-line' }, line),
        ),
      );
    },
    setRoute(route) {
      routeSelect.value = route;
    },
    resetControls(resetSpeed) {
      routeSelect.value = DEFAULT_ROUTE;
      speedSelect.set(resetSpeed);
      view.showStatus(['Nobody has left home yet.']);
    },
  };
  view.showStatus(['Nobody has left home yet.']);
  return view;
}
