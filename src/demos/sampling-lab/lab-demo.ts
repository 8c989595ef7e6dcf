/**
 * The sampling lab: the matchmaker (the bootcamp for X-Ray) under seeded traffic with rare faults, its spans made
 * by the real SDK with a sampler chosen on the slide, and every trace painted kept or dropped with the rule or
 * policy that decided. One demo, five views by the slide's `data-view`:
 *
 *   head        web's ParentBased(TraceIdRatioBased), taster following it or deciding alone
 *   consistent  the spec's consistent probability sampler on both services, at two probabilities
 *   tail        everything recorded, then a tail sampler like the Collector's between the SDK and the store
 *   unitary     a decision per span
 *   xray        the bootcamp's X-Ray rule on backend-flask, over several hosts, and an X-Ray group
 *
 * "Send 1,000 requests" fast-forwards simulated time (100 requests a simulated second) in chunks, drawing between
 * them, and holds while the slide is away.
 */
import { runUntilIdle } from '../../sim/clock';
import { createBootcamp } from '../../sim/bootcamp';
import { bootcampTraffic } from '../../sim/bootcamp/traffic-mix';
import type { Faults } from '../../sim/faults';
import { createMatchmaker } from '../../sim/matchmaker';
import type { Network, WireEvent } from '../../sim/network';
import { createTrafficGenerator, type TrafficRoute } from '../../sim/traffic';
import { describeSampler, type SamplerSpec } from '../../telemetry/sampling/samplers';
import { createXRayFleet, CRUDDUR_RULE, type SamplingRule, type XRayFleet } from '../../telemetry/sampling/xray-rules';
import { DEFAULT_TAIL_CONFIG, type TailSamplingConfig } from '../../telemetry/tail-sampling/policy-config';
import { TailSamplingProcessor } from '../../telemetry/tail-sampling/tail-sampling-processor';
import type { Demo } from '../demo';
import { el } from '../kit/dom';
import { createLiveDemo, type LiveView } from '../live-demo';
import { applyFault, headSpecs, type LabSession, matchmakerRoutes, REQUEST_HEADER, recorded, verdictOf } from './lab-session';
import { createLabControls, type FaultChoice, isXRay, type LabKind, REQUESTS } from './lab-controls';
import { createDecidedBy, createReadout, createRecentList, createTraceGrid } from './lab-panels';
import { type RequestOutcome, tally } from './outcomes';
import { createTailForm } from './tail-form';
import { createGroupPanel } from './group-panel';
import { createXRayPanel } from './xray-panel';

/** Requests a simulated second: 1,000 requests in 10 s; X-Ray's in 40 s, so its hosts poll for targets a few times. */
const RATE = 100;
const XRAY_RATE = 25;
const PRINT_REQUESTS = 60;
const CHUNK_STEPS = 400;
const KINDS: readonly LabKind[] = ['head', 'consistent', 'tail', 'unitary', 'xray', 'xray-group'];
/** The tail view's starting point: the Collector's defaults with the form's default policies. */
const TAIL_START: TailSamplingConfig = { ...DEFAULT_TAIL_CONFIG, policies: [] };

interface LabView extends LiveView<LabSession> {
  readonly kind: LabKind;
  readSettings(): ReturnType<ReturnType<typeof createLabControls>['read']>;
  readTail(): ReturnType<ReturnType<typeof createTailForm>['read']> | undefined;
  readXRay(): ReturnType<ReturnType<typeof createXRayPanel>['read']> | undefined;
  setBusy(busy: boolean): void;
  clearProblem(): void;
  faultChoice(): FaultChoice;
}


export function createSamplingLabDemo(): Demo {
  return createLiveDemo<LabView, LabSession>((live) => {
    async function fastForward(s: LabSession, signal: AbortSignal): Promise<void> {
      for (;;) {
        if (signal.aborted) return;
        if (!s.shown) await new Promise<void>((resolve) => (s.wake = resolve));
        if (signal.aborted) return;
        const steps = await runUntilIdle(s.world.clock, { maxSteps: CHUNK_STEPS, stop: () => !s.shown || signal.aborted });
        live.requestDraw();
        // Fewer steps than asked and still shown: the clock ran out of timers, the run is over.
        if (steps < CHUNK_STEPS && s.shown && !signal.aborted) return;
      }
    }

    async function run(s: LabSession, view: LabView, signal: AbortSignal, requests: number): Promise<void> {
      const settings = view.readSettings();
      if (!settings.ok) return void view.showProblem(settings.message);
      const tail = view.readTail();
      if (tail && !tail.ok) return void view.showProblem(`The policies: ${tail.message}.`);
      const xray = view.readXRay();
      if (xray && !xray.ok) return void view.showProblem(xray.message);
      view.clearProblem();
      s.outcomes.length = 0;
      s.tailDecisions.clear();
      s.spanCounts.clear();
      s.xrayDecisions.clear();
      s.wire.length = 0;
      s.done = false;
      s.world.store.clear();
      applyFault(s.faults, view.faultChoice());
      const telemetry = s.world.telemetry;
      if (s.kind === 'tail' && tail?.ok) s.tail!.configure(tail.config);
      else if (isXRay(s.kind) && xray?.ok) {
        s.fleet = newFleet(s, xray.rule, xray.hosts);
      } else if (s.kind !== 'tail') {
        const specs = headSpecs(s.kind, settings.settings, s, s.world.random.fork(`unitary-${requests}`).next);
        telemetry.setSampler('web', specs.web);
        telemetry.setSampler('taster', specs.taster);
        s.describe = { web: describeSampler(specs.web), taster: describeSampler(specs.taster) };
      }
      const batch = s.traffic.sendBatch(requests);
      await fastForward(s, signal);
      await batch;
      if (signal.aborted) return;
      s.done = true;
      live.requestDraw();
    }

    function newFleet(s: LabSession, rule: SamplingRule, hosts: number): XRayFleet {
      const fleet = createXRayFleet({
        rules: [rule],
        hosts: Array.from({ length: hosts }, (_, i) => `backend-flask-${i + 1}`),
        random: s.world.random.fork('xray').next,
      });
      s.world.telemetry.setSampler('backend-flask', {
        kind: 'xray',
        fleet,
        serviceName: 'backend-flask',
        now: () => s.world.clock.now(),
        onDecision: (traceId, d) => s.xrayDecisions.set(traceId, d),
      });
      return fleet;
    }

    return {
      mount(root) {
        const asked = root.dataset['view'] as LabKind | undefined;
        const kind: LabKind = asked && KINDS.includes(asked) ? asked : 'head';
        const controls = createLabControls(kind, {
          send: () => void live.runOne((s, signal) => run(s, view, signal, REQUESTS)).catch(live.fail),
          reset: () => live.reset(),
          fault: () => {},
        });
        const readout = createReadout();
        const grid = createTraceGrid();
        const decided = createDecidedBy();
        const recent = createRecentList(kind === 'tail' || isXRay(kind) ? 2 : 3);
        const tailForm = kind === 'tail' ? createTailForm(() => {}) : undefined;
        const xray = kind === 'xray' ? createXRayPanel() : undefined;
        const group = kind === 'xray-group' ? createGroupPanel({ withMap: true }) : undefined;
        const bufferMeter = el('meter', { class: 'sl-buffer', min: 0, max: 50_000, value: 0, 'aria-label': 'Traces held in the tail sampler’s buffer' });
        const bufferText = el('p', { class: 'sl-buffer-text', 'data-testid': 'buffer' });
        const wireList = el('ol', { class: 'sl-wire', 'aria-label': 'The last calls from web to taster, as they crossed the wire' });

        const side: HTMLElement[] = [];
        if (tailForm) side.push(tailForm.element, tailForm.yaml, el('div', { class: 'sl-buffer-box' }, bufferText, bufferMeter));
        else if (xray) side.push(xray.element);
        else if (group) side.push(group.element, decided.element);
        else side.push(el('p', { class: 'sl-subtitle' }, 'On the wire, web → taster'), wireList, decided.element);
        const main = group
          ? el('div', { class: 'sl-main' }, readout.element, el('div', { class: 'sm sl-group-map' }, group.map!), recent.element)
          : el('div', { class: 'sl-main' }, readout.element, grid.element, ...(tailForm || xray ? [decided.element] : []), recent.element);
        root.replaceChildren(el('div', { class: `demo-box sl sl-${kind}` }, controls.element, el('div', { class: 'sl-body' }, main, el('div', { class: 'sl-side' }, ...side))));

        const view: LabView = {
          kind,
          readSettings: () => controls.read(),
          readTail: () => tailForm?.read(),
          // The groups slide runs source 003's rule as it is, on three hosts: its lesson is the group, not the rule.
          readXRay: () => (group ? { ok: true, rule: CRUDDUR_RULE, hosts: 3 } : xray?.read()),
          setBusy: (busy) => controls.setBusy(busy),
          clearProblem: () => controls.clearProblem(),
          faultChoice: () => controls.fault(),
          draw(s) {
            controls.setBusy(live.busy);
            const verdict = (o: RequestOutcome) => verdictOf(s, o);
            const outcomes = [...s.outcomes].sort((a, b) => a.index - b.index);
            const t = tally(outcomes, verdict);
            const extra: string[] = [];
            if (t.partial > 0) extra.push(`${t.partial.toLocaleString('en-US')} broken (partly kept)`);
            if (s.tail) {
              const st = s.tail.stats();
              const cap = s.tail.settings.num_traces;
              bufferMeter.max = cap;
              bufferMeter.value = Math.min(cap, st.bufferedTraces);
              bufferText.textContent =
                `Buffer: ${st.bufferedTraces.toLocaleString('en-US')} of ${cap.toLocaleString('en-US')} traces held, ${st.bufferedSpans.toLocaleString('en-US')} spans waiting ` +
                `(peak ${st.peakBufferedSpans.toLocaleString('en-US')} spans, about ${Math.round(st.peakBufferedSpans / 1024).toLocaleString('en-US')} MB at 1 KB a span). ` +
                `Late spans ${st.lateSpans}, evicted ${st.evicted}, dropped too early ${st.droppedTooEarly}.`;
            }
            readout.update(t, extra);
            grid.update(outcomes, verdict, t);
            decided.update(t);
            recent.update(outcomes, verdict);
            if (!tailForm && !xray && !group) {
              // The newest call of a kept trace and the newest of a dropped one: the two endings of traceparent.
              const flag = (e: WireEvent) => e.request.headers['traceparent']?.slice(-2);
              const shown = [...s.wire].reverse();
              const pick = [shown.find((e) => flag(e) === '01'), shown.find((e) => flag(e) !== '01')].filter((e): e is WireEvent => e !== undefined);
              wireList.replaceChildren(
                ...pick.map((e) =>
                  el(
                    'li',
                    {},
                    el('code', {}, `traceparent: ${e.request.headers['traceparent'] ?? '(none)'}`),
                    ...(e.request.headers['tracestate'] ? [el('code', {}, `tracestate: ${e.request.headers['tracestate']}`)] : []),
                  ),
                ),
              );
            }
            if (xray || group) {
              const traces = s.world.store.traceIds().map((traceId) => {
                const spans = s.world.store.getTrace(traceId);
                return { traceId, spans, services: new Set(spans.map((x) => x.serviceName)) };
              });
              xray?.update(s.fleet, traces);
              group?.update(traces);
            }
          },
          showProblem: (m) => controls.showProblem(m),
          reset() {
            controls.reset();
            tailForm?.reset();
            xray?.reset();
            group?.reset();
          },
        };
        return view;
      },

      connect(open, view, ctx) {
        const kind = view.kind;
        let tail: TailSamplingProcessor | undefined;
        const outcomes: RequestOutcome[] = [];
        const world = open({
          demoId: `sampling-${kind}`,
          speed: 1,
          store: { maxSpans: 60_000, maxTraces: 3_000 },
          ...(kind === 'tail'
            ? { storeProcessor: (store, clock) => (tail = new TailSamplingProcessor(TAIL_START, clock, (r) => store.add(r))) }
            : {
                samplers: (service: string): SamplerSpec =>
                  isXRay(kind) && service !== 'backend-flask' ? { kind: 'always_on' } : { kind: 'parentbased', root: { kind: 'always_on' } },
              }),
        });
        let faults: Faults;
        let network: Network;
        let routes: TrafficRoute[];
        let stopSystem: () => void;
        if (isXRay(kind)) {
          const b = createBootcamp({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
          ({ faults, network } = b);
          routes = bootcampTraffic(b);
          stopSystem = () => b.stop();
        } else {
          const m = createMatchmaker({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
          ({ faults, network } = m);
          routes = matchmakerRoutes((r) => m.send(r));
          stopSystem = () => m.stop();
        }
        // Build the providers now, so a tail sampler exists before the first run.
        world.telemetry.tracerFor(isXRay(kind) ? 'backend-flask' : 'web');
        const serverMs = new Map<number, number>();
        const arrivals = new Map<number, number>();
        const traffic = createTrafficGenerator({
          clock: world.clock,
          random: world.random.fork('traffic'),
          routes: recorded(routes, () => world.clock.now(), serverMs, outcomes),
          ratePerSecond: isXRay(kind) ? XRAY_RATE : RATE,
        });
        const session: LabSession = {
          world,
          kind,
          faults,
          traffic,
          outcomes,
          tail,
          tailDecisions: new Map(),
          spanCounts: new Map(),
          xrayDecisions: new Map(),
          fleet: undefined,
          wire: [],
          describe: { web: 'ParentBased(AlwaysOn)', taster: 'ParentBased(AlwaysOn)' },
          // On paper nothing is ever shown as a slide is, and the print run must not wait for it.
          shown: ctx.print === true,
          wake: undefined,
          done: false,
          stopSystem,
          stop() {
            traffic.dispose();
            stopSystem();
            session.wake?.();
          },
        };
        applyFault(faults, view.faultChoice());
        world.whileShown(() => {
          session.shown = true;
          session.wake?.();
          session.wake = undefined;
          return () => {
            session.shown = ctx.print === true;
          };
        });
        world.whileShown(() =>
          network.observe((e) => {
            const marked = e.request.headers[REQUEST_HEADER];
            if (marked !== undefined) {
              const index = Number(marked);
              if (e.direction === 'request') arrivals.set(index, e.atMs);
              else if (e.handledMs !== undefined && arrivals.has(index)) {
                serverMs.set(index, e.handledMs - arrivals.get(index)!);
                arrivals.delete(index);
              }
            }
            if (e.direction !== 'request' || !e.target.startsWith('taster')) return;
            session.wire.push(e);
            if (session.wire.length > 40) session.wire.shift();
          }),
        );
        if (tail) {
          const t = tail;
          world.whileShown(() => t.onDecision((d) => session.tailDecisions.set(d.traceId, d)));
        }
        return session;
      },

      /** On paper: 60 requests (enough to show kept, dropped and partly kept; all five labs print at once) through the default sampler of the view, fast-forwarded. */
      print(_s, view) {
        return live.run((session, signal) => run(session, view, signal, PRINT_REQUESTS));
      },

      draws: { onResume: true },
    };
  });
}
