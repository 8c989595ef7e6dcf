/** Traces as data: a batch of requests as rows of a `spans` table. How many traces contain an error? */
import { MATCHMAKER_SERVICES } from '../../../sim/matchmaker';
import type { SpanRecord } from '../../../telemetry/span-record';
import { formatDuration } from '../../../viz/time-format';
import { checkErrorTraceCount, errorTraceCount } from '../checks-many';
import { defineExercise } from '../spec';
import { connectMatchmaker } from './matchmaker-run';

/** Small requests only (a lookup is 2 to 4 spans), so the table fits the slide. */
const PATHS: readonly string[] = ['/beers/ipa', '/donuts/glazed', '/beers/porter', '/donuts/cruller', '/beers/sour', '/donuts/lemon', '/beers/kolsch', '/donuts/maple'];
const ERROR_RATE = 0.3;

export const errorCountExercise = defineExercise<readonly SpanRecord[]>({
  id: 'traces-as-data',
  question: 'Read the table as SQL would: how many traces contain an error?',
  runLabel: `Send ${PATHS.length} requests`,
  answer: { kind: 'text', label: 'Traces with an error', placeholder: 'a number', numeric: true },
  services: MATCHMAKER_SERVICES,
  connect: (open) =>
    connectMatchmaker(open, { demoId: 'exercise-traces-as-data', speed: 2, seededIds: true }, (run) =>
      run.withErrorRate(ERROR_RATE, async () => {
        const results = await Promise.all(PATHS.map((path) => run.get(path)));
        return results.flatMap((r) => r.spans);
      }),
    ),
  present: (spans) => ({
    caption: `SELECT trace_id, service_name, name, status FROM spans: ${spans.length} rows`,
    lines: [...spans]
      .sort((a, b) => (a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : a.startMs - b.startMs))
      .map((s) => `${s.traceId.slice(0, 8)}…  ${s.serviceName.padEnd(6)} ${s.name.padEnd(22)} ${s.status.code.padEnd(5)} ${formatDuration(s.endMs - s.startMs)}`),
  }),
  check: checkErrorTraceCount,
  solve: (spans) => String(errorTraceCount(spans)),
});
