/**
 * The response the frontend got: the home feed, as the React app would list it. Values come from the backend's
 * JSON and are shown as text.
 */
import { activityCounts } from './activity-counts';
import type { Activity } from '../../sim/bootcamp';
import { el } from '../kit/dom';

/** What the frontend got back for one request, as the feed panel shows it. */
export interface FeedResult {
  readonly status: number;
  readonly tookMs: number;
  /** Simulated time of the response, epoch ms: "2 h ago" is relative to it. */
  readonly atMs: number;
  readonly activities: readonly Activity[];
}

/** The feed panel: its element, and `update` to show the latest result (or none). */
export interface FeedPanel {
  readonly element: HTMLElement;
  update(result: FeedResult | undefined): void;
}

/** "12 min ago", "5 h ago", "3 d ago": how a timeline shows age. */
function ago(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 60) return `${min} min ago`;
  const h = Math.round(min / 60);
  return h < 24 ? `${h} h ago` : `${Math.round(h / 24)} d ago`;
}

export function createFeedPanel(): FeedPanel {
  const heading = el('p', { class: 'ha-panel-title' });
  // Focusable, so a keyboard user can scroll a long feed.
  const list = el('ul', { class: 'ha-feed', 'aria-label': 'Home feed', tabindex: 0 });
  const element = el('div', { class: 'ha-panel', role: 'region', 'aria-label': 'Response to the frontend' }, heading, list);
  let shown: FeedResult | undefined | null = null;
  return {
    element,
    update(result) {
      if (result === shown) return;
      shown = result;
      if (!result) {
        heading.replaceChildren(el('strong', {}, 'frontend-react-js'), ' · no feed loaded yet');
        list.replaceChildren();
        return;
      }
      const n = result.activities.length;
      heading.replaceChildren(
        el('strong', {}, 'frontend-react-js'),
        ` · HTTP ${result.status} · ${n} ${n === 1 ? 'activity' : 'activities'} · ${result.tookMs.toFixed(1)} ms`,
      );
      list.replaceChildren(
        ...result.activities.map((a) =>
          el(
            'li',
            { class: 'ha-activity' },
            el('span', { class: 'ha-handle' }, a.handle),
            el('span', { class: 'ha-age' }, ` · ${ago(result.atMs - Date.parse(a.created_at))}`),
            el('span', { class: 'ha-message' }, a.message),
            el('span', { class: 'ha-counts' }, activityCounts(a)),
          ),
        ),
      );
    },
  };
}
