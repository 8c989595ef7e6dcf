/**
 * The exercise's verdicts: a learner's answer against what the trace itself says (viz/trace-questions.ts), with a
 * hint that teaches how to read the trace when the answer is wrong. Pure, so the wording is tested with the logic.
 */
import type { TraceModel, TraceRow } from '../../telemetry/trace-model';
import { formatDuration } from '../../viz/time-format';
import { blameFor, rootCauseRow, selfTimesMs, slowestSelfRow } from '../../viz/trace-questions';

export interface Verdict {
  readonly right: boolean;
  /** The question does not apply to this trace (nothing failed): neither right nor wrong. */
  readonly moot?: true;
  readonly text: string;
}

const label = (r: TraceRow): string => `${r.span.serviceName} ${r.span.name}`;
const rowOf = (model: TraceModel, spanId: string | null): number => model.rows.findIndex((r) => r.span.spanId === spanId);

const PICK_FIRST: Verdict = { right: false, text: 'Select a span in the trace first (click it, or move to it and press Enter).' };

/** Which span spent the most time on its own? */
export function checkSlowest(model: TraceModel, spanId: string | null): Verdict {
  const picked = rowOf(model, spanId);
  if (picked < 0) return PICK_FIRST;
  const self = selfTimesMs(model);
  const best = slowestSelfRow(model);
  const own = formatDuration(self[picked]!);
  if (picked === best) return { right: true, text: `Right: ${label(model.rows[best]!)} spent ${own} on its own.` };
  const r = model.rows[picked]!;
  const waited = r.durationMs - self[picked]!;
  return {
    right: false,
    text:
      waited > self[picked]!
        ? `Not that one: its bar is ${formatDuration(r.durationMs)} long, but ${formatDuration(waited)} of it is its children's. Look for a long bar that nothing underneath explains.`
        : `Not that one: it spent ${own} on its own. There is a span that spent longer.`,
  };
}

/** Two spans that fail alike: the same operation of the same service, for the same reason. */
function sameFailure(a: TraceRow, b: TraceRow): boolean {
  const why = (r: TraceRow) => `${r.span.status.message ?? ''}|${String(r.span.attributes['error.type'] ?? '')}`;
  return a.span.serviceName === b.span.serviceName && a.span.name === b.span.name && why(a) === why(b);
}

/** Where did the error start? */
export function checkRootCause(model: TraceModel, spanId: string | null): Verdict {
  const best = rootCauseRow(model);
  if (best < 0) return { right: false, moot: true, text: 'Nothing in this trace is in error: where did the time go instead?' };
  const picked = rowOf(model, spanId);
  if (picked < 0) return PICK_FIRST;
  const first = model.rows[best]!;
  if (picked === best) return { right: true, text: `Right: ${label(first)} failed first (${first.span.status.message ?? 'error'}).` };
  const r = model.rows[picked]!;
  if (!r.isError) return { right: false, text: 'That span did not fail. Spans in error carry the red mark; start from one of them.' };
  const failingChild = model.rows.slice(picked + 1, picked + 1 + r.descendantCount).some((d) => d.isError);
  // Ten identical refused calls are one cause, not a race to the earliest: any of them answers the question.
  if (!failingChild && sameFailure(r, first)) {
    return { right: true, text: `Right: ${label(r)} failed the same way as the first such call (${first.span.status.message ?? 'error'}): that is where it started.` };
  }
  return {
    right: false,
    text: failingChild
      ? 'That span failed because something beneath it did: follow the red marks down to the deepest one.'
      : 'That span failed, but another one failed before it: compare when they ended.',
  };
}

/** Which service would you raise the ticket with? */
export function checkBlame(model: TraceModel, service: string): Verdict {
  const blame = blameFor(model);
  if (!blame) return { right: false, moot: true, text: 'Nothing failed here, so no service broke: the ticket goes to whoever owns the slowest span (question 1).' };
  if (service === blame.service) return { right: true, text: `Right: ${blame.reason}.` };
  return {
    right: false,
    text: `Not ${service}: find where the error started, then ask whose work that span is. A client span that got no answer points at the service it called.`,
  };
}
