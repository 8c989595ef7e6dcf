/**
 * The anatomy of a span, live: a button sends a real request into the matchmaker, and the span chosen from its
 * trace is shown twice, as the workshop vendor's tracer printed spans and as OpenTelemetry JSON, field by field.
 * The lifecycle (pause, reset, print view, stale answers after a reset) is the shared one of `createLiveDemo`.
 */
import { STATUS_TEXT } from '../../sim/http';
import { createMatchmaker, type Matchmaker } from '../../sim/matchmaker';
import type { SpanRecord } from '../../telemetry/span-record';
import { anatomyRows } from '../../viz/span-anatomy-rows';
import type { Demo } from '../demo';
import { createLiveDemo, type LiveDemo, type LiveSession } from '../live-demo-old';
import { createAnatomyView, type AnatomyView } from './anatomy-view';
import type { SpanChoice } from './span-choices';

/** `traceresponse: 00-<trace id>-<span id>-<flags>`: the trace that served a request (W3C Trace Context 2). */
const TRACE_RESPONSE = /^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/;

export function createSpanAnatomyDemo(): Demo {
  let view: AnatomyView | undefined;
  /** The spans of the last request's trace, to re-pick from when the choice changes. */
  let lastTrace: readonly SpanRecord[] = [];
  /** The status of the last answer, without the span part: the picker swaps only that. */
  let lastAnswer: { text: string; failed: boolean } | undefined;

  const showSpan = (choice: SpanChoice): boolean => {
    const span = choice.pick(lastTrace);
    view?.panels.show(span ? anatomyRows(span) : null);
    return span !== undefined;
  };

  async function send({ world: w, system: sys }: LiveSession<Matchmaker>): Promise<void> {
    if (!view) return;
    const [v, choice, failing] = [view, view.choice, view.failing];
    w.sync();
    sys.faults.set({ down: failing ? [...(choice.failure.down ?? [])] : [], failing: failing ? [...(choice.failure.failing ?? [])] : [] });
    v.showStatus(`Waiting for GET ${choice.path} …`, 'pending');
    const startedMs = w.clock.now();
    const response = await sys.send({ method: 'GET', url: `http://web:5000${choice.path}`, headers: { 'user-agent': 'curl/8.5.0' } });
    if (live.session?.system !== sys) return; // reset meanwhile: this answer belongs to a discarded world
    const traceId = TRACE_RESPONSE.exec(response.headers['traceresponse'] ?? '')?.[1];
    lastTrace = traceId ? w.store.getTrace(traceId) : [];
    const took = (w.clock.now() - startedMs).toFixed(0);
    lastAnswer = { text: `GET ${choice.path} → ${response.status} ${STATUS_TEXT[response.status] ?? ''} in ${took} ms`, failed: response.status >= 400 };
    const shown = showSpan(choice) ? `; showing ${choice.label}` : `; no ${choice.label} in this trace`;
    v.showStatus(`${lastAnswer.text}${shown}`, lastAnswer.failed ? 'failed' : 'ok');
  }

  const live: LiveDemo<Matchmaker> = createLiveDemo<Matchmaker>({
    mountView(root) {
      view = createAnatomyView({
        send: () => void live.runOne(send).catch(live.fail),
        choose: (choice) => {
          if (!lastTrace.length) return;
          // Another span of the same trace: the status names the span shown, so it must follow the picker.
          if (showSpan(choice) && lastAnswer) view?.showStatus(`${lastAnswer.text}; showing ${choice.label}`, lastAnswer.failed ? 'failed' : 'ok');
          else view?.showStatus(`Send GET ${choice.path} to see ${choice.label}.`, 'idle');
        },
        reset: () => live.demo.reset(),
      });
      root.replaceChildren(view.element);
    },
    // Seeded ids: the ids are what this slide prints, so the same seed must show the same ones.
    worldOptions: () => ({ demoId: 'span-anatomy', speed: 1, seededIds: true }),
    connect: (world) => createMatchmaker({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor }),
    disconnect: (system) => system.stop(),
    // The panels are drawn when an answer comes, not per frame: nothing here streams.
    draw: () => undefined,
    // Print view: the first choice (web's server span of GET /beers/ipa), as it answers with nothing broken.
    printScenario: (session) => send(session),
    resetView() {
      lastTrace = [];
      lastAnswer = undefined;
      view?.reset();
    },
    showProblem: (message) => view?.showStatus(message, 'failed'),
    destroyView() {
      view = undefined;
      lastTrace = [];
    },
    draws: { onMount: false },
  });
  return live.demo;
}
