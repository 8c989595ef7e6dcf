/**
 * The service map demo: the matchmaker under steady, seeded traffic, its spans folded into the service graph (paired
 * as the OpenTelemetry Collector's servicegraph connector pairs them) and drawn live as a request-flow graph.
 * A fault select makes edges go red; a node or edge lists its exemplar traces; an exemplar opens in the waterfall.
 *
 * Loaded with its slide (register.ts imports this module lazily), so dagre is not in the first slide's bundle.
 *
 * Frames: one redraw per animation frame while anything moves (dots in flight, text held back by the throttle,
 * halves waiting in the pairing store for their TTL), none otherwise, and none while the slide is away or the
 * presenter pressed Pause.
 */
import { ServiceGraph } from '../../analysis/service-graph';
import { createMatchmaker, MATCHMAKER_SERVICES, type Matchmaker } from '../../sim/matchmaker';
import { matchmakerTraffic } from '../../sim/matchmaker/traffic-mix';
import { createTrafficGenerator, type TrafficGenerator } from '../../sim/traffic';
import { buildTraceModel } from '../../telemetry/trace-model';
import { createSnapshotAdapter, toEdgeEvent } from '../../viz/service-map/from-service-graph';
import { createServiceMapView, type ServiceMapView } from '../../viz/service-map/map-view';
import { createWaterfall, type WaterfallView } from '../../viz/waterfall';
import type { Demo } from '../demo';
import { createLiveDemo, type LiveDemo, type LiveSession } from '../live-demo';
import { createMapControls, type FaultChoice, type MapControls } from './map-controls';

export const DEFAULT_RATE = 5;
/** What print view shows: this many requests, fast-forwarded, with taster failing a third of the time. */
export const PRINT_REQUESTS = 60;

interface System {
  readonly matchmaker: Matchmaker;
  readonly graph: ServiceGraph;
  readonly traffic: TrafficGenerator;
}

export function createServiceMapDemo(): Demo {
  let controls: MapControls | undefined;
  let map: ServiceMapView | undefined;
  let waterfall: WaterfallView | undefined;
  let tracePanel: HTMLElement | undefined;
  let traceTitle: HTMLElement | undefined;
  let traceNote: HTMLElement | undefined;
  let backTo: HTMLElement | null = null;
  /** The trace shown in the waterfall, and whether spans of it arrived since it was drawn (it may still be running). */
  let openTraceId: string | undefined;
  let openTraceGrew = false;
  let fault: FaultChoice = 'none';
  let frozen = false;
  let print = false;
  let adapt = createSnapshotAdapter();

  const now = (): number => performance.now();

  function draw(): void {
    const s = live.session;
    if (!s || !map) return;
    const { world, system } = s;
    if (openTraceGrew && openTraceId) {
      openTraceGrew = false;
      waterfall?.setModel(buildTraceModel(world.store.getTrace(openTraceId), openTraceId));
    }
    if (frozen) {
      // Shown again after the slide was left: the world's show() let time run; the presenter had paused it.
      world.driver?.pause();
      map.hold();
      return;
    }
    // Let idle time reach the wall clock, so halves waiting for their other side expire on time even when no
    // request is due (the "user" edge appears when the root spans' TTL runs out).
    world.sync();
    // On paper the scenario has ended: what still waits would expire, so let it (the last requests' "user" edges).
    system.graph.expire(world.clock.now() + (print ? system.graph.ttlMs : 0));
    const graph = system.graph.snapshot();
    const wantsText = map.update(adapt(graph), now());
    const moving = map.animate(now());
    if (print) return;
    if (moving || wantsText || graph.waiting > 0) live.requestDraw();
  }

  function applyFault(matchmaker: Matchmaker, choice: FaultChoice): void {
    const f = matchmaker.faults;
    f.reset();
    if (choice === 'taster-down') f.set({ down: ['taster'] });
    else if (choice === 'slow') f.set({ slowRate: 0.3 });
    else if (choice === 'errors') f.set({ errorRate: 0.3 });
  }

  function openTrace(traceId: string, through: string): void {
    const s = live.session;
    if (!s || !waterfall || !tracePanel || !traceTitle || !traceNote) return;
    backTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const spans = s.world.store.getTrace(traceId);
    openTraceId = traceId;
    openTraceGrew = false;
    traceTitle.textContent = `Trace ${traceId.slice(0, 8)}…, through ${through}`;
    traceNote.textContent = spans.length === 0 ? 'This trace is no longer kept: the store keeps only the most recent traces. Pick a newer one.' : '';
    waterfall.setModel(spans.length > 0 ? buildTraceModel(spans, traceId) : null);
    tracePanel.hidden = false;
    tracePanel.querySelector<HTMLButtonElement>('.sm-back')?.focus();
  }

  function closeTrace(): void {
    if (!tracePanel) return;
    tracePanel.hidden = true;
    openTraceId = undefined;
    waterfall?.setModel(null);
    backTo?.focus();
    backTo = null;
  }

  const live: LiveDemo<System> = createLiveDemo<System>({
    mountView(root, ctx) {
      print = ctx.print;
      controls = createMapControls(
        {
          setFault: (choice) => {
            fault = choice;
            const s = live.session;
            if (s) applyFault(s.system.matchmaker, choice);
          },
          togglePause: () => {
            const world = live.session?.world;
            frozen = !frozen;
            controls?.setFrozen(frozen);
            if (frozen) {
              world?.driver?.pause();
              map?.hold();
            } else {
              world?.driver?.resume();
            }
            live.requestDraw();
          },
          reset: () => live.demo.reset(),
        },
        DEFAULT_RATE,
      );
      map = createServiceMapView({ label: 'Service map of the matchmaker, live', onOpenTrace: openTrace });
      const back = document.createElement('button');
      back.type = 'button';
      back.className = 'fb-button sm-back';
      back.textContent = 'Back to the map';
      back.addEventListener('click', closeTrace);
      traceTitle = document.createElement('h3');
      traceTitle.className = 'sm-trace-title';
      traceNote = document.createElement('p');
      traceNote.className = 'sm-trace-note';
      const traceBox = document.createElement('div');
      traceBox.className = 'sm-trace-box';
      const head = document.createElement('div');
      head.className = 'sm-trace-head';
      head.append(traceTitle, back);
      tracePanel = document.createElement('section');
      tracePanel.className = 'sm-trace-panel';
      tracePanel.setAttribute('aria-label', 'Trace from the service map');
      tracePanel.hidden = true;
      tracePanel.append(head, traceNote, traceBox);
      const body = document.createElement('div');
      body.className = 'sm-body';
      body.append(map.element, tracePanel);
      const shell = document.createElement('div');
      shell.className = 'fb sm';
      shell.append(controls.element, body);
      root.replaceChildren(shell);
      waterfall = createWaterfall(traceBox, { services: MATCHMAKER_SERVICES, label: 'Trace from the service map', emptyText: 'No spans of this trace are kept.' });
    },
    // Enough room for a few minutes of traffic: the waterfall opens exemplars from this store.
    worldOptions: () => ({ demoId: 'service-map', speed: 1, store: { maxSpans: 40_000, maxTraces: 3_000 } }),
    connect(world): System {
      const matchmaker = createMatchmaker({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
      applyFault(matchmaker, fault);
      const graph = new ServiceGraph();
      const traffic = createTrafficGenerator({
        clock: world.clock,
        random: world.random.fork('traffic'),
        routes: matchmakerTraffic(matchmaker),
        ratePerSecond: DEFAULT_RATE,
      });
      // The toolbar follows this world's generator while the slide is shown (a reset makes a new one).
      world.whileShown(() => {
        controls?.traffic.connect(traffic);
        return () => controls?.traffic.connect(undefined);
      });
      world.whileShown(() =>
        world.store.subscribe((change) => {
          if (change.type === 'added') {
            graph.fold(change.span, world.clock.now());
            if (change.traceId === openTraceId) openTraceGrew = true;
          } else if (change.type === 'cleared') graph.clear();
          live.requestDraw();
        }),
      );
      world.whileShown(() => graph.subscribe((request) => map?.pushEvent(toEdgeEvent(request))));
      return { matchmaker, graph, traffic };
    },
    disconnect: (system) => {
      system.traffic.dispose();
      system.matchmaker.stop();
    },
    draw,
    /** Sixty requests with taster failing a third of its answers, fast-forwarded: red edges on paper. */
    printScenario({ system }: LiveSession<System>) {
      applyFault(system.matchmaker, 'errors');
      return system.traffic.sendBatch(PRINT_REQUESTS);
    },
    resetView() {
      fault = 'none';
      frozen = false;
      adapt = createSnapshotAdapter();
      map?.clear();
      closeTrace();
      controls?.reset();
    },
    showProblem: (message) => controls?.showProblem(message),
    destroyView: () => {
      controls?.traffic.dispose();
      waterfall?.destroy();
    },
    draws: { onResume: true },
  });
  return live.demo;
}
