/**
 * Blackbox inference: who called whom, from services' log lines alone (no ids; one line per request served, with
 * its start and end on one clock). Two published ideas, written for this deck:
 *
 * - **A model by refutation**, in the Mystery Machine's manner (Chow et al., OSDI '14): assume every relationship
 *   between kinds of line, "a line of kind C always lies inside a line of kind P of another service", and drop each
 *   one at its first counterexample, a C with no P around it. What survives converges on the real call structure as
 *   lines accumulate. (The paper's logs carry request ids and its relationships are happens-before, mutual
 *   exclusion and pipelining; with no ids, enclosure is what can be refuted.)
 * - **Nesting**, after Aguilera et al. (SOSP '03): a call lies inside its caller's interval, so a line's caller is
 *   the innermost enclosing line of another service (the latest to start), among the kinds the model still allows.
 *
 * With one request at a time the innermost enclosing line is the caller. With several at once, lines of other
 * requests enclose it too, and timing alone cannot tell them apart: the model fixes the kinds, never the instance.
 *
 * Cost: lines sorted once by start; each looks back only as far as the longest line, so O(n · w) for w lines in
 * that window, not O(n²).
 */

/** One log line as inference sees it: whose log, what kind of request, when it began and ended. Nothing else. */
export interface LoggedInterval {
  readonly service: string;
  readonly kind: string;
  readonly startMs: number;
  readonly endMs: number;
}

/** What the refutation has left, and how far it got. */
export interface CallModel {
  /** Per child kind (`service kind`): the parent kinds no line has refuted yet. */
  readonly surviving: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per child kind: the direct callers, surviving kinds with no other survivor between them and the child. */
  readonly direct: ReadonlyMap<string, ReadonlySet<string>>;
  /** Hypotheses made: one per pair of kinds seen in different services' logs. */
  readonly assumed: number;
  /** Hypotheses dropped at a counterexample. */
  readonly refuted: number;
  readonly lines: number;
}

/** A kind named with its log, `web GET /pair/beer`: the same route in two services is two kinds. */
const kindOf = (line: LoggedInterval): string => `${line.service} ${line.kind}`;

/** For each line, the indexes of the lines of other services that enclose it. */
function enclosingLines(lines: readonly LoggedInterval[]): number[][] {
  const order = lines.map((_, i) => i).sort((a, b) => lines[a]!.startMs - lines[b]!.startMs || lines[b]!.endMs - lines[a]!.endMs);
  const longest = lines.reduce((m, l) => Math.max(m, l.endMs - l.startMs), 0);
  const out: number[][] = lines.map(() => []);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const line = lines[i]!;
    for (let j = k - 1; j >= 0; j--) {
      const other = lines[order[j]!]!;
      if (other.startMs < line.startMs - longest) break;
      if (other.service !== line.service && other.startMs <= line.startMs && other.endMs >= line.endMs) out[i]!.push(order[j]!);
    }
    // Lines that start at the same instant sort after this one when longer: look forward over those too.
    for (let j = k + 1; j < order.length && lines[order[j]!]!.startMs === line.startMs; j++) {
      const other = lines[order[j]!]!;
      if (other.service !== line.service && other.endMs >= line.endMs) out[i]!.push(order[j]!);
    }
  }
  return out;
}

/** Learn the model from every line so far: assume all enclosures between kinds, refute each at its first counterexample. */
export function learnCallModel(lines: readonly LoggedInterval[]): CallModel {
  const enclosing = enclosingLines(lines);
  const services = new Map<string, string>(); // kind → its service
  for (const line of lines) services.set(kindOf(line), line.service);
  const surviving = new Map<string, Set<string>>();
  let assumed = 0;
  for (const [child, service] of services) {
    const all = [...services].filter(([, s]) => s !== service).map(([k]) => k);
    assumed += all.length;
    surviving.set(child, new Set(all));
  }
  lines.forEach((line, i) => {
    const left = surviving.get(kindOf(line))!;
    if (left.size === 0) return;
    const around = new Set(enclosing[i]!.map((j) => kindOf(lines[j]!)));
    for (const parent of left) if (!around.has(parent)) left.delete(parent);
  });
  const kept = [...surviving.values()].reduce((n, s) => n + s.size, 0);
  const direct = new Map<string, Set<string>>();
  for (const [child, parents] of surviving) {
    // A survivor that encloses another survivor is further up the chain (nginx around web around taster).
    direct.set(child, new Set([...parents].filter((p) => ![...parents].some((q) => q !== p && surviving.get(q)?.has(p)))));
  }
  return { surviving, direct, assumed, refuted: assumed - kept, lines: lines.length };
}

/**
 * Each line's caller by index (undefined: none found, a root), by nesting: the innermost enclosing line of another
 * service, among the model's direct callers of its kind when a model is given, among all enclosing lines when not.
 */
export function inferCallers(lines: readonly LoggedInterval[], model?: CallModel): Array<number | undefined> {
  const enclosing = enclosingLines(lines);
  return lines.map((line, i) => {
    const allowed = model?.direct.get(kindOf(line));
    let best: number | undefined;
    for (const j of enclosing[i]!) {
      if (allowed && !allowed.has(kindOf(lines[j]!))) continue;
      const c = lines[j]!;
      const b = best === undefined ? undefined : lines[best]!;
      if (!b || c.startMs > b.startMs || (c.startMs === b.startMs && c.endMs < b.endMs)) best = j;
    }
    return best;
  });
}

/** How many calls (lines that really have a caller) were given their real caller. */
export interface AttributionScore {
  readonly correct: number;
  readonly calls: number;
}

export function scoreCallers(inferred: ReadonlyArray<number | undefined>, truth: ReadonlyArray<number | undefined>): AttributionScore {
  let correct = 0;
  let calls = 0;
  truth.forEach((t, i) => {
    if (t === undefined) return;
    calls++;
    if (inferred[i] === t) correct++;
  });
  return { correct, calls };
}

/** One edge of the call graph between kinds, `web GET /pair/beer → taster GET /taste`. */
export interface KindEdge {
  readonly caller: string;
  readonly callee: string;
  /** In the real graph (from the spans). */
  readonly real: boolean;
  /** In the model's graph. */
  readonly inferred: boolean;
}

/** The model's call graph beside the real one (callers from the spans of the same run), edges sorted by name. */
export function compareCallGraphs(lines: readonly LoggedInterval[], model: CallModel, truth: ReadonlyArray<number | undefined>): KindEdge[] {
  const key = (caller: string, callee: string) => `${caller}\u0000${callee}`;
  const edges = new Map<string, { caller: string; callee: string; real: boolean; inferred: boolean }>();
  const touch = (caller: string, callee: string) => {
    const k = key(caller, callee);
    const known = edges.get(k);
    if (known) return known;
    const made = { caller, callee, real: false, inferred: false };
    edges.set(k, made);
    return made;
  };
  truth.forEach((t, i) => {
    if (t !== undefined) touch(kindOf(lines[t]!), kindOf(lines[i]!)).real = true;
  });
  for (const [callee, callers] of model.direct) for (const caller of callers) touch(caller, callee).inferred = true;
  return [...edges.values()].sort((a, b) => (a.caller + a.callee < b.caller + b.callee ? -1 : 1));
}
