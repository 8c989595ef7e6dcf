/**
 * The lab's session and the rules it counts by: which samplers the fields ask for, a trace's verdict and who
 * decided it, the faults, and the routes that remember each request's outcome (timed at the server).
 */
import type { Faults } from '../../sim/faults';
import { MATCHMAKER_MIX } from '../../sim/matchmaker/traffic-mix';
import type { WireEvent } from '../../sim/network';
import type { TrafficGenerator, TrafficRoute } from '../../sim/traffic';
import type { SamplerSpec } from '../../telemetry/sampling/samplers';
import type { XRayDecision, XRayFleet } from '../../telemetry/sampling/xray-rules';
import type { TailDecisionEvent, TailSamplingProcessor } from '../../telemetry/tail-sampling/tail-sampling-processor';
import type { LiveSession } from '../live-demo';
import type { FaultChoice, LabKind, LabSettings } from './lab-controls';
import { isWhole, outcomeOf, type RequestOutcome, type Verdict, wholeness } from './outcomes';

const TRACED_HOSTS: ReadonlySet<string> = new Set(['taster', 'backend-flask']);

/** One session of a lab view: its system under traffic, what it has seen and who decided what. */
export interface LabSession extends LiveSession {
  readonly kind: LabKind;
  readonly faults: Faults;
  readonly traffic: TrafficGenerator;
  readonly outcomes: RequestOutcome[];
  readonly tail: TailSamplingProcessor | undefined;
  readonly tailDecisions: Map<string, TailDecisionEvent>;
  readonly spanCounts: Map<string, { started: number; kept: number }>;
  readonly xrayDecisions: Map<string, XRayDecision>;
  fleet: XRayFleet | undefined;
  readonly wire: WireEvent[];
  describe: { web: string; taster: string };
  shown: boolean;
  wake: (() => void) | undefined;
  /** The last run has ended: a trace with no decision by now was dropped too early. */
  done: boolean;
  stopSystem(): void;
}


export function applyFault(f: Faults, choice: FaultChoice): void {
  f.reset();
  if (choice === 'rare') f.set({ errorRate: 0.02, slowRate: 0.02 });
  else if (choice === 'errors') f.set({ errorRate: 0.3 });
  else if (choice === 'slow') f.set({ slowRate: 0.3 });
  else if (choice === 'taster-down') f.set({ down: ['taster'] });
}

/** The samplers the head-side views run, from the fields. */
export function headSpecs(kind: LabKind, s: LabSettings, session: Pick<LabSession, 'spanCounts'>, random: () => number): { web: SamplerSpec; taster: SamplerSpec } {
  if (kind === 'consistent') return { web: { kind: 'probability', ratio: s.ratio }, taster: { kind: 'probability', ratio: s.tasterRatio } };
  if (kind === 'unitary') {
    const counted = (inner: SamplerSpec): SamplerSpec => ({
      kind: 'observed',
      inner,
      onDecision: (traceId, _name, sampled) => {
        const c = session.spanCounts.get(traceId) ?? { started: 0, kept: 0 };
        c.started++;
        if (sampled) c.kept++;
        session.spanCounts.set(traceId, c);
      },
    });
    const unitary: SamplerSpec = { kind: 'unitary', ratio: s.ratio, random };
    return { web: counted(unitary), taster: counted(unitary) };
  }
  const web: SamplerSpec = { kind: 'parentbased', root: { kind: 'traceidratio', ratio: s.ratio } };
  // Alone, taster runs another SDK's ratio sampler (the spec's 56-bit rule): at the same ratio, other traces.
  const taster: SamplerSpec = s.tasterMode === 'own' ? { kind: 'probability', ratio: s.ratio } : { kind: 'parentbased', root: { kind: 'always_on' } };
  return { web, taster };
}

export function verdictOf(s: LabSession, o: RequestOutcome): Verdict {
  const id = o.traceId;
  if (!id) return { kind: 'dropped', reason: 'the answer named no trace' };
  switch (s.kind) {
    case 'tail': {
      const d = s.tailDecisions.get(id);
      if (!d) return s.done ? { kind: 'dropped', reason: 'dropped too early: evicted before its decision' } : { kind: 'pending', reason: 'waiting for decision_wait' };
      if (d.sampled) return { kind: 'kept', reason: `policy “${d.policy}” sampled it` };
      return { kind: 'dropped', reason: d.policy ? `policy “${d.policy}” dropped it` : 'no policy sampled it' };
    }
    case 'unitary': {
      const c = s.spanCounts.get(id);
      if (!c || c.kept === 0) return { kind: 'dropped', reason: 'each span alone: none kept' };
      return c.kept === c.started ? { kind: 'kept', reason: 'each span alone: all kept' } : { kind: 'partial', reason: 'each span alone: some kept' };
    }
    case 'xray':
    case 'xray-group': {
      const d = s.xrayDecisions.get(id);
      if (!d) return { kind: 'dropped', reason: 'no rule decided' };
      return { kind: d.sampled ? 'kept' : 'dropped', reason: `rule ${d.rule}: ${d.via}` };
    }
    default: {
      const w = wholeness(s.world.store.getTrace(id), TRACED_HOSTS);
      if (o.rootSampled) {
        return isWhole(w) ? { kind: 'kept', reason: `web's ${s.describe.web} sampled it` } : { kind: 'partial', reason: `web kept it, taster's ${s.describe.taster} did not` };
      }
      return w.spans > 0 ? { kind: 'partial', reason: `web dropped it, taster's ${s.describe.taster} kept its part` } : { kind: 'dropped', reason: `web's ${s.describe.web} dropped it` };
    }
  }
}

/** The header that tells the lab's wire observer which request a message belongs to. */
export const REQUEST_HEADER = 'x-lab-request';

/**
 * The matchmaker's mix, sent like curl, each request marked with its index, so the lab can time it at web: from
 * its arrival to its answer leaving, the time its trace covers. (The hop from curl to web and back is outside every
 * span: a slow hop there makes a request slow for its caller but not its trace, and would confuse the tally.)
 */
export function matchmakerRoutes(send: (r: { method: string; url: string; headers: Record<string, string> }) => Promise<unknown>): TrafficRoute[] {
  return MATCHMAKER_MIX.map((row) => ({
    name: row.name,
    weight: row.weight,
    send: (req) => send({ method: 'GET', url: `http://web:5000${row.path(req.random)}`, headers: { 'user-agent': 'curl/8.5.0', accept: '*/*', [REQUEST_HEADER]: String(req.index) } }),
  }));
}

/** Routes that remember each request's outcome as it answers: its time at the server if known, else as seen by its caller. */
export function recorded(routes: readonly TrafficRoute[], now: () => number, serverMs: Map<number, number>, into: RequestOutcome[]): TrafficRoute[] {
  return routes.map((r) => ({
    ...r,
    send: (req) => {
      const t0 = now();
      return r.send(req).then((res) => {
        const answer = res as { status?: number; headers?: Record<string, string> };
        const ms = serverMs.get(req.index) ?? now() - t0;
        serverMs.delete(req.index);
        into.push(outcomeOf(req.index, r.name, answer.status ?? 0, ms, answer.headers?.['traceresponse']));
        return res;
      });
    },
  }));
}
