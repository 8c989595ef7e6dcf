/**
 * The bootcamp's traffic mix: people opening Cruddur, whose frontend calls `backend-flask`.
 *
 * Why these weights (they add up to 100): nearly every visit lands on the home feed, GET /api/activities/home, the
 * one route this backend has (the trace of the bootcamp's first week: Flask's SERVER span and the handler's manual
 * span). The app's other pages call routes the backend does not have yet (notifications, a user's feed), a few in a
 * hundred: 404s, so the map shows a failing share with no fault switched on. Faults add the 5xx on top.
 */
import { bindPaths, type PathRow, type TrafficRoute } from '../traffic';
import { HOME_PATH } from './backend-flask';
import type { Bootcamp } from './index';

/** Handles the user-feed page is opened for. */
const HANDLES = ['andrewbrown', 'bayko', 'londo'] as const;

export const BOOTCAMP_MIX: readonly PathRow[] = [
  { name: 'home feed', weight: 92, path: () => HOME_PATH },
  { name: 'notifications (404)', weight: 5, path: () => '/api/activities/notifications' },
  { name: "a user's feed (404)", weight: 3, path: (r) => `/api/activities/@${HANDLES[r.int(0, HANDLES.length - 1)]}` },
];

/** The mix as routes for a traffic generator: each request the frontend's traced fetch. */
export function bootcampTraffic(system: Pick<Bootcamp, 'loadHome' | 'fetchApi'>, rows: readonly PathRow[] = BOOTCAMP_MIX): TrafficRoute[] {
  return bindPaths(rows, (path) => (path === HOME_PATH ? system.loadHome() : system.fetchApi(path)));
}
