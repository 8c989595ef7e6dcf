/**
 * This page's load as spans to make: the browser's Navigation Timing entry (the document) and Resource Timing
 * entries (each file), in the fields both APIs share, turned into a plan of spans with times on the epoch (the
 * entries' times are ms after `performance.timeOrigin`). And the what-if the slide asks: how much earlier the load
 * event could have fired had one file been deferred past it, or been half its size. Pure: plain numbers in and out.
 */

/** The Navigation Timing fields used (a `PerformanceNavigationTiming` has them all). */
export interface NavTiming {
  readonly name: string;
  readonly startTime: number;
  readonly domainLookupStart: number;
  readonly domainLookupEnd: number;
  readonly connectStart: number;
  readonly connectEnd: number;
  readonly requestStart: number;
  readonly responseStart: number;
  readonly responseEnd: number;
  readonly loadEventStart: number;
  readonly loadEventEnd: number;
  readonly transferSize: number;
}

/** The Resource Timing fields used (a `PerformanceResourceTiming` has them all). */
export interface ResourceTiming {
  readonly name: string;
  readonly initiatorType: string;
  readonly startTime: number;
  readonly responseStart: number;
  readonly responseEnd: number;
  readonly transferSize: number;
}

/** One span to start and end: `parent` is the index of its parent in the plan (none for the root). */
export interface PlannedSpan {
  readonly name: string;
  readonly parent?: number;
  readonly startMs: number;
  readonly endMs: number;
  readonly attributes: Readonly<Record<string, string | number>>;
}

/** A URL's path and query, for a span name: the origin is the same for every file of the deck. */
export function shortName(url: string): string {
  try {
    const u = new URL(url);
    return `${u.pathname}${u.search}` || '/';
  } catch {
    return url.slice(0, 80);
  }
}

/**
 * The plan: the page load from navigation start to the load event's end, the document's fetch under it with its
 * phases (DNS, connect, request, response; a phase of no length is left out), then every file that started before
 * the load event ended, under the root.
 */
export function planLoadSpans(nav: NavTiming, resources: readonly ResourceTiming[], originMs: number): PlannedSpan[] {
  const at = (ms: number) => originMs + ms;
  const end = Math.max(nav.loadEventEnd, nav.loadEventStart, nav.responseEnd);
  const plan: PlannedSpan[] = [
    { name: 'page load', startMs: at(nav.startTime), endMs: at(end), attributes: { 'url.full': nav.name, 'app.load_event_ms': Math.round(nav.loadEventStart) } },
    { name: 'GET document', parent: 0, startMs: at(nav.startTime), endMs: at(nav.responseEnd), attributes: { 'http.response.body.size': nav.transferSize } },
  ];
  const phases: Array<[string, number, number]> = [
    ['dns', nav.domainLookupStart, nav.domainLookupEnd],
    ['connect', nav.connectStart, nav.connectEnd],
    ['request', nav.requestStart, nav.responseStart],
    ['response', nav.responseStart, nav.responseEnd],
  ];
  for (const [name, from, to] of phases) if (to > from) plan.push({ name, parent: 1, startMs: at(from), endMs: at(to), attributes: {} });
  for (const r of resources) {
    if (r.startTime > end) continue;
    plan.push({
      name: `GET ${shortName(r.name)}`,
      parent: 0,
      startMs: at(r.startTime),
      endMs: at(Math.max(r.startTime, r.responseEnd)),
      attributes: { 'url.full': r.name, 'app.initiator': r.initiatorType, 'http.response.body.size': r.transferSize },
    });
  }
  return plan;
}

export interface WhatIf {
  /** When the load event fired, ms after navigation start. */
  readonly loadMs: number;
  /** Deferred past the load event: the earliest it could then fire (after the document and the other files). */
  readonly deferredMs: number;
  /** Half the size: its download (response start to end) halved, the others as they were. */
  readonly halfSizeMs: number;
  /** Whether the file ended before the load event, so that it could have held it back at all. */
  readonly beforeLoad: boolean;
}

/**
 * What one file cost the load event, estimated from the timings alone: the event fires once the document and the
 * files it waits for are in, plus the work after the last of them (scripts running); without the file it waits for
 * the latest of the others, plus the same work. A simplification: the others would not have started sooner, and the
 * work after them stays the same.
 */
export function whatIf(nav: NavTiming, resources: readonly ResourceTiming[], index: number): WhatIf {
  const loadMs = nav.loadEventStart;
  const file = resources[index];
  const held = resources.filter((r) => r.responseEnd <= loadMs);
  const floor = nav.responseEnd;
  const latest = (rs: readonly ResourceTiming[]) => rs.reduce((m, r) => Math.max(m, r.responseEnd), floor);
  if (!file || file.responseEnd > loadMs) return { loadMs, deferredMs: loadMs, halfSizeMs: loadMs, beforeLoad: false };
  const others = held.filter((r) => r !== file);
  const bound = latest(held);
  // The load event came this long after the last file it waited for (scripts running, layout): keep that slack.
  const slack = Math.max(0, loadMs - bound);
  const deferredMs = Math.min(loadMs, latest(others) + slack);
  const halfEnd = file.responseEnd - Math.max(0, file.responseEnd - file.responseStart) / 2;
  const halfSizeMs = Math.min(loadMs, Math.max(latest(others), halfEnd) + slack);
  return { loadMs, deferredMs, halfSizeMs, beforeLoad: true };
}
