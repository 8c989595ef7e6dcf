/**
 * A service mesh's view of the hops, beside the code's: a live matchmaker pairing request (GET /pair/beer, which asks
 * taster about each donut in turn) drawn twice, as OpenTelemetry in web and taster recorded it, and as sidecar proxies
 * would have (`meshView`). A switch says whether the applications forward the trace headers; without it the
 * sidecars' spans fall apart into one trace per call, picked one at a time.
 */
import { meshView, type MeshView } from '../../analysis/mesh-view';
import { MATCHMAKER_SERVICES } from '../../sim/matchmaker';
import type { SpanRecord } from '../../telemetry/span-record';
import { buildTraceModel } from '../../telemetry/trace-model';
import { createWaterfall } from '../../viz/waterfall';
import type { Demo } from '../demo';
import { connectFollowedMatchmaker, type FollowedMatchmaker, sendFollowed } from '../kit/followed-request';
import { createLiveDemo, type LiveView } from '../live-demo';
import { createMeshDemoView } from './mesh-view-view';
import { appCountLine, meshCountLine, traceChoice } from './mesh-words';

const PAIRING = '/pair/beer?name=ipa';

/** One session: the matchmaker, the trace on show, and the learner's switch and pick. */
interface MeshSession extends FollowedMatchmaker {
  forwardHeaders: boolean;
  /** Which of the mesh's traces is drawn, by index (clamped when there are fewer). */
  picked: number;
}

interface MeshLiveView extends LiveView<MeshSession> {
  newPairing(): Promise<void>;
}

export function createMeshViewDemo(): Demo {
  return createLiveDemo<MeshLiveView, MeshSession>((live) => ({
    mount(root) {
      const newPairing = (): Promise<void> =>
        live.runOne(async (session, signal) => {
          session.picked = 0;
          await sendFollowed(session, PAIRING, signal, view);
          if (!signal.aborted) live.requestDraw();
        });
      const view = createMeshDemoView({
        newPairing: () => void newPairing().catch(live.fail),
        setForwarding(on) {
          const s = live.session;
          if (!s) return;
          s.forwardHeaders = on;
          s.picked = 0;
          live.requestDraw();
        },
        pickTrace(index) {
          const s = live.session;
          if (!s) return;
          s.picked = index;
          live.requestDraw();
        },
        reset: () => live.reset(),
      });
      root.replaceChildren(view.element);
      const services = [...MATCHMAKER_SERVICES];
      const app = createWaterfall(view.appBox, {
        services,
        label: 'The pairing request as the code traced it',
        emptyText: 'Press New pairing: the trace OpenTelemetry records in web and taster appears here.',
      });
      const mesh = createWaterfall(view.meshBox, {
        services,
        label: 'The same request as the sidecar proxies traced it',
        emptyText: 'What the sidecars record of the same request appears here.',
      });
      return {
        newPairing,
        draw(session) {
          const id = session.follower.current;
          const spans: readonly SpanRecord[] = id ? session.world.store.getTrace(id) : [];
          app.setModel(id ? buildTraceModel(spans, id) : null);
          const seen: MeshView = meshView(spans, { forwardHeaders: session.forwardHeaders });
          const picked = Math.min(session.picked, Math.max(0, seen.traces.length - 1));
          const trace = seen.traces[picked];
          mesh.setModel(trace ? buildTraceModel(trace.spans, trace.traceId) : null);
          view.setForwarding(session.forwardHeaders);
          view.showChoices(seen.traces.map((t, i) => ({ label: traceChoice(t.spans, i, seen.traces.length) })), picked);
          view.showCounts(id ? appCountLine(spans) : '', id ? meshCountLine(seen, session.forwardHeaders) : '');
        },
        reset() {
          view.showStatus('');
          view.setBusy(false);
          view.setForwarding(true);
        },
        showProblem: (message) => view.showStatus(message),
        destroy() {
          app.destroy();
          mesh.destroy();
        },
      };
    },
    connect: (open): MeshSession => ({
      ...connectFollowedMatchmaker(open({ demoId: 'mesh-view', speed: 1 }), live.requestDraw),
      forwardHeaders: true,
      picked: 0,
    }),
    print: (_, view) => view.newPairing(),
  }));
}
