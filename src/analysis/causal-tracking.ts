/**
 * How to track the relationships inside one workflow, three ways, after "Tracing, Fast and Slow" (which follows
 * Sambasivan et al.): what each trace point's record carries, how the workflow is rebuilt from the records that
 * reach the collector, and what survives a skewed clock and lost records.
 *
 *   request id only              order from each host's own clock: a skewed host's records land out of place
 *   + logical clock (Lamport)    order explicit, clocks ignored; concurrent points still look ordered (or tie)
 *   + previous trace points      every record names the points before it: forks and joins explicit, lost records
 *                                bridged, and the trace is known complete the moment its last record arrives
 *
 * Pure: a workflow is given as points and happens-before edges; nothing here knows spans, hosts' real clocks or DOM.
 */

/** One trace point of the workflow as it really ran. */
interface TracePoint {
  readonly id: string;
  readonly host: string;
  readonly name: string;
  /** When it ran, on a perfect clock, ms from the workflow's start. */
  readonly trueMs: number;
}

/** A workflow: its points, and the edges "a happened just before b" (program order and messages). */
export interface Workflow {
  readonly points: readonly TracePoint[];
  readonly edges: ReadonlyArray<readonly [string, string]>;
  /** The host where the request entered and its id was made. */
  readonly entryHost: string;
}

/** What a trace point writes to its log: everything any scheme uses; a scheme reads only its own fields. */
export interface TraceRecord {
  readonly id: string;
  readonly host: string;
  readonly name: string;
  /** The host's own clock, skew included. */
  readonly localMs: number;
  readonly lamport: number;
  /** Every trace point before this one in the workflow (what the metadata carried in), sorted. */
  readonly history: readonly string[];
}

export type Scheme = 'request-id' | 'lamport' | 'previous-points';
export const SCHEMES: readonly Scheme[] = ['request-id', 'lamport', 'previous-points'];

/** Bytes of the metadata fields: a 128-bit request id, a 64-bit logical clock, 64-bit trace point ids. */
const BYTES = { requestId: 16, clock: 8, pointId: 8 } as const;

const predecessors = (wf: Workflow): Map<string, string[]> => {
  const preds = new Map(wf.points.map((p) => [p.id, [] as string[]]));
  for (const [from, to] of wf.edges) preds.get(to)?.push(from);
  return preds;
};

/** The points in an order where every point comes after its predecessors (by true time, which the edges respect). */
const topological = (wf: Workflow): TracePoint[] => [...wf.points].sort((a, b) => a.trueMs - b.trueMs || (a.id < b.id ? -1 : 1));

/**
 * The records the workflow writes, with `skewMs` added to each host's clock. Lamport: a point's clock is one more
 * than the largest of its predecessors' (its own host's last point, and the message's sender).
 */
export function recordWorkflow(wf: Workflow, skewMs: Readonly<Record<string, number>> = {}): TraceRecord[] {
  const preds = predecessors(wf);
  const lamport = new Map<string, number>();
  const history = new Map<string, Set<string>>();
  return topological(wf).map((p) => {
    const before = preds.get(p.id) ?? [];
    const clock = 1 + Math.max(0, ...before.map((b) => lamport.get(b) ?? 0));
    lamport.set(p.id, clock);
    const seen = new Set<string>();
    for (const b of before) {
      seen.add(b);
      for (const h of history.get(b) ?? []) seen.add(h);
    }
    history.set(p.id, seen);
    return { id: p.id, host: p.host, name: p.name, localMs: p.trueMs + (skewMs[p.host] ?? 0), lamport: clock, history: [...seen].sort() };
  });
}

/** One message between hosts, and what each scheme's metadata weighs on it. */
export interface HopBytes {
  readonly from: string;
  readonly to: string;
  readonly bytes: Readonly<Record<Scheme, number>>;
}

/** The metadata each cross-host message carries under each scheme: previous points grow along the workflow. */
export function metadataBytes(wf: Workflow, records: readonly TraceRecord[]): HopBytes[] {
  const host = new Map(wf.points.map((p) => [p.id, p.host]));
  const rec = new Map(records.map((r) => [r.id, r]));
  return wf.edges
    .filter(([a, b]) => host.get(a) !== host.get(b))
    .map(([a, b]) => {
      // The sender's point and every point before it travel with the message.
      const carried = 1 + (rec.get(a)?.history.length ?? 0);
      return {
        from: a,
        to: b,
        bytes: {
          'request-id': BYTES.requestId,
          lamport: BYTES.requestId + BYTES.clock,
          'previous-points': BYTES.requestId + BYTES.clock + carried * BYTES.pointId,
        },
      };
    });
}

/** A workflow rebuilt from the records that arrived, by one scheme. */
export interface Rebuilt {
  /** Record ids in the order the view shows them. */
  readonly order: readonly string[];
  /** The edges the scheme claims (a chain for the first two, the real graph for the third). */
  readonly edges: ReadonlyArray<readonly [string, string]>;
  /** Groups of records the scheme cannot order (same Lamport clock). */
  readonly ties: ReadonlyArray<readonly string[]>;
  /** What the view must say rather than silently reorder (skew, ambiguity). */
  readonly warnings: readonly string[];
  /** Whether the collector can tell the trace is complete, and what it knows is missing. */
  readonly completeness: { readonly known: false } | { readonly known: true; readonly missing: readonly string[] };
}

const byLocal = (a: TraceRecord, b: TraceRecord) => a.localMs - b.localMs || (a.id < b.id ? -1 : 1);
const chain = (ids: readonly string[]): Array<[string, string]> => ids.slice(1).map((id, i) => [ids[i]!, id]);
const fmt = (ms: number) => `${Math.abs(ms).toFixed(1)} ms`;

export function rebuild(scheme: Scheme, records: readonly TraceRecord[], entryHost: string): Rebuilt {
  if (scheme === 'request-id') return byRequestId(records, entryHost);
  if (scheme === 'lamport') return byLamport(records);
  return byPreviousPoints(records);
}

/**
 * Request id only: sorted by the hosts' clocks. The one relation known without any clock: the request began at the
 * entry host's first record (it made the id). A record timed before that is told, not silently moved.
 */
function byRequestId(records: readonly TraceRecord[], entryHost: string): Rebuilt {
  const sorted = [...records].sort(byLocal);
  const entry = sorted.find((r) => r.host === entryHost);
  const early = entry ? sorted.filter((r) => r.localMs < entry.localMs) : [];
  const warnings = early.length
    ? [`${early.map((r) => `${r.host} ${r.name}`).join(', ')}: timed before the request began at ${entryHost} (by up to ${fmt(entry!.localMs - early[0]!.localMs)}). ${early[0]!.host}'s clock is off; the order shown for these is not to be trusted.`]
    : [];
  return { order: sorted.map((r) => r.id), edges: chain(sorted.map((r) => r.id)), ties: [], warnings, completeness: { known: false } };
}

/** + a Lamport clock: sorted by it, clocks ignored. Equal clocks are told as ties: concurrent, or not, it cannot say. */
function byLamport(records: readonly TraceRecord[]): Rebuilt {
  const sorted = [...records].sort((a, b) => a.lamport - b.lamport || byLocal(a, b));
  const groups = new Map<number, string[]>();
  for (const r of sorted) groups.set(r.lamport, [...(groups.get(r.lamport) ?? []), r.id]);
  const ties = [...groups.values()].filter((g) => g.length > 1);
  const disagree = sorted.filter((r, i) => sorted.slice(i + 1).some((later) => later.localMs < r.localMs && later.host !== r.host));
  const warnings = [
    ...(disagree.length ? [`The hosts' clocks disagree with the Lamport order after ${disagree.map((r) => `${r.host} ${r.name}`).join(', ')}: skew or concurrency, the clock cannot say which.`] : []),
    ...ties.map((g) => `${g.join(' and ')} share a Lamport time: concurrent, or merely unordered.`),
  ];
  return { order: sorted.map((r) => r.id), edges: chain(sorted.map((r) => r.id)), ties, warnings, completeness: { known: false } };
}

/**
 * + previous trace points: each record names every point before it, so the direct edges are those not implied by
 * another named point, even across a lost record. A named point that never arrived is known missing; a trace with
 * none missing is complete when its last record arrives. An edge against a host's clock is skew, and is told.
 */
function byPreviousPoints(records: readonly TraceRecord[]): Rebuilt {
  const have = new Map(records.map((r) => [r.id, r]));
  const edges: Array<[string, string]> = [];
  for (const r of records) {
    const before = r.history.filter((h) => have.has(h));
    for (const p of before) if (!before.some((q) => q !== p && have.get(q)!.history.includes(p))) edges.push([p, r.id]);
  }
  const missing = [...new Set(records.flatMap((r) => r.history))].filter((id) => !have.has(id)).sort();
  const depth = (r: TraceRecord) => r.history.length;
  const order = [...records].sort((a, b) => depth(a) - depth(b) || byLocal(a, b)).map((r) => r.id);
  const skewed = edges.filter(([p, c]) => have.get(c)!.localMs < have.get(p)!.localMs && have.get(c)!.host !== have.get(p)!.host);
  const warnings = skewed.map(([p, c]) => {
    const parent = have.get(p)!;
    const child = have.get(c)!;
    return `${child.host} ${child.name} is timed ${fmt(parent.localMs - child.localMs)} before ${parent.host} ${parent.name}, which it follows: ${child.host}'s clock is behind by at least that.`;
  });
  return { order, edges, ties: [], warnings, completeness: { known: true, missing } };
}

/** The true direct edges among the records kept: happens-before restricted to them, without implied edges. */
export function trueEdges(wf: Workflow, kept: ReadonlySet<string>): Array<[string, string]> {
  const all = recordWorkflow(wf);
  const history = new Map(all.map((r) => [r.id, r.history.filter((h) => kept.has(h))]));
  const edges: Array<[string, string]> = [];
  for (const r of all) {
    if (!kept.has(r.id)) continue;
    const before = history.get(r.id)!;
    for (const p of before) if (!before.some((q) => q !== p && history.get(q)!.includes(p))) edges.push([p, r.id]);
  }
  return edges;
}

/** How many of the true edges a rebuild got, and how many it claimed that are not there. */
export function scoreEdges(rebuilt: Rebuilt, truth: ReadonlyArray<readonly [string, string]>): { right: number; of: number; wrong: number } {
  const key = ([a, b]: readonly [string, string]) => `${a}>${b}`;
  const real = new Set(truth.map(key));
  const right = rebuilt.edges.filter((e) => real.has(key(e))).length;
  return { right, of: truth.length, wrong: rebuilt.edges.length - right };
}
