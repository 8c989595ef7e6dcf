/**
 * A demo that sends one request to the matchmaker from its button, as curl would, and draws the trace that request
 * made (the mesh view, the critical path). The session's part: the matchmaker in the demo's world and a
 * `TraceFollower` that every span of the followed trace wakes. The button's part: the status line says the request
 * is on its way, then what came back and how long it took, and the button is busy meanwhile.
 */
import { STATUS_TEXT } from '../../sim/http';
import { createMatchmaker, type Matchmaker } from '../../sim/matchmaker';
import type { LiveSession } from '../live-demo';
import type { LiveWorld } from '../live-world';
import { TraceFollower } from './trace-follower';

/** The matchmaker in a demo's world, and the trace of the request the demo sent last. */
export interface FollowedMatchmaker extends LiveSession {
  readonly system: Matchmaker;
  readonly follower: TraceFollower;
}

/** Where the request is told: the demo's status line and its send button. */
export interface RequestStatusView {
  showStatus(text: string): void;
  setBusy(busy: boolean): void;
}

/**
 * Build the matchmaker in `world` (for a demo's `connect`) and follow the trace of each request sent through
 * `sendFollowed`: a span of that trace, or any change that is not an added span (a cleared store), asks for a draw
 * while the slide is shown.
 */
export function connectFollowedMatchmaker(world: LiveWorld, requestDraw: () => void): FollowedMatchmaker {
  const system = createMatchmaker({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
  const follower = new TraceFollower();
  world.whileShown(() =>
    world.store.subscribe((change) => {
      if (change.type !== 'added' || follower.onSpan(change.traceId)) requestDraw();
    }),
  );
  return { world, system, follower, stop: () => system.stop() };
}

/**
 * Send `GET path` to web and follow its trace: the first new trace, pinned for certain by the `traceresponse`
 * header. After an aborted session (a reset while it ran) it touches neither the follower nor the view.
 */
export async function sendFollowed({ world, system, follower }: FollowedMatchmaker, path: string, signal: AbortSignal, view: RequestStatusView): Promise<void> {
  view.setBusy(true);
  view.showStatus(`Sending GET ${path}…`);
  world.sync();
  follower.expectNew();
  const startedMs = world.clock.now();
  try {
    const response = await system.send({ method: 'GET', url: `http://web:5000${path}`, headers: { 'user-agent': 'curl/8.5.0' } });
    if (signal.aborted) return;
    follower.pinFromResponse(response.headers['traceresponse']);
    const took = (world.clock.now() - startedMs).toFixed(0);
    view.showStatus(`GET ${path} → ${response.status} ${STATUS_TEXT[response.status] ?? ''} in ${took} ms`);
  } finally {
    if (!signal.aborted) view.setBusy(false);
  }
}
