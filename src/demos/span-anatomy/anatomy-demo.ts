/**
 * The anatomy of a span, live: a button sends a real request into the matchmaker, and the span chosen from its
 * trace is shown twice, as the workshop vendor's tracer printed spans and as OpenTelemetry JSON, field by field.
 * The lifecycle (pause, reset, print view, stale answers after a reset) is the shared one of `createLiveDemo`.
 */
import { STATUS_TEXT } from '../../sim/http';
import { createMatchmaker, type Matchmaker } from '../../sim/matchmaker';
import type { SpanRecord } from '../../telemetry/span-record';
import { anatomyRows } from '../../viz/span-anatomy/span-anatomy-rows';
import type { Demo } from '../demo';
import { traceIdOf } from '../kit/wire-traces';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { createAnatomyView } from './anatomy-view';
import type { SpanChoice } from './span-choices';

/** One session: the matchmaker, and the last answer it gave. */
interface AnatomySession extends LiveSession {
  readonly system: Matchmaker;
  /** The spans of the last request's trace, to re-pick from when the choice changes. */
  lastTrace: readonly SpanRecord[];
  /** The status of the last answer, without the span part: the picker swaps only that. */
  lastAnswer: { text: string; failed: boolean } | undefined;
}

interface AnatomyDemoView extends LiveView<AnatomySession> {
  /** Send the chosen request, with or without its failure, and show the chosen span of its trace. */
  send(): Promise<void>;
}

export function createSpanAnatomyDemo(): Demo {
  return createLiveDemo<AnatomyDemoView, AnatomySession>((live) => ({
    mount(root) {
      const showSpan = (session: AnatomySession, choice: SpanChoice): boolean => {
        const span = choice.pick(session.lastTrace);
        view.panels.show(span ? anatomyRows(span) : null);
        return span !== undefined;
      };

      const send = (): Promise<void> =>
        live.runOne(async (session, signal) => {
          const { world: w, system: sys } = session;
          const { choice, failing } = view;
          w.sync();
          sys.faults.set({ down: failing ? [...(choice.failure.down ?? [])] : [], failing: failing ? [...(choice.failure.failing ?? [])] : [] });
          view.showStatus(`Waiting for GET ${choice.path} …`, 'pending');
          const startedMs = w.clock.now();
          const response = await sys.send({ method: 'GET', url: `http://web:5000${choice.path}`, headers: { 'user-agent': 'curl/8.5.0' } });
          if (signal.aborted) return; // reset meanwhile: this answer belongs to a discarded world
          const traceId = traceIdOf(response.headers['traceresponse']);
          session.lastTrace = traceId ? w.store.getTrace(traceId) : [];
          const took = (w.clock.now() - startedMs).toFixed(0);
          session.lastAnswer = { text: `GET ${choice.path} → ${response.status} ${STATUS_TEXT[response.status] ?? ''} in ${took} ms`, failed: response.status >= 400 };
          const shown = showSpan(session, choice) ? `; showing ${choice.label}` : `; no ${choice.label} in this trace`;
          view.showStatus(`${session.lastAnswer.text}${shown}`, session.lastAnswer.failed ? 'failed' : 'ok');
        });

      const view = createAnatomyView({
        send: () => void send().catch(live.fail),
        choose: (choice) => {
          const session = live.session;
          if (!session?.lastTrace.length) return;
          const { lastAnswer } = session;
          // Another span of the same trace: the status names the span shown, so it must follow the picker.
          if (showSpan(session, choice) && lastAnswer) view.showStatus(`${lastAnswer.text}; showing ${choice.label}`, lastAnswer.failed ? 'failed' : 'ok');
          else view.showStatus(`Send GET ${choice.path} to see ${choice.label}.`, 'idle');
        },
        reset: () => live.reset(),
      });
      root.replaceChildren(view.element);

      return {
        send,
        // The panels are drawn when an answer comes, not per frame: nothing here streams.
        draw: () => undefined,
        reset: () => view.reset(),
        showProblem: (message) => view.showStatus(message, 'failed'),
      };
    },
    connect(open) {
      // Seeded ids: the ids are what this slide prints, so the same seed must show the same ones.
      const world = open({ demoId: 'span-anatomy', speed: 1, seededIds: true });
      const system = createMatchmaker({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
      return { world, system, lastTrace: [], lastAnswer: undefined, stop: () => system.stop() };
    },
    // Print view: the first choice (web's server span of GET /beers/ipa), as it answers with nothing broken.
    print: (_, view) => view.send(),
    draws: { onMount: false },
  }));
}
