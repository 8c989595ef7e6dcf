/** Chapter 7, the critical path: which span, besides the root, holds the request's critical path longest? */
import { MATCHMAKER_SERVICES } from '../../../sim/matchmaker';
import type { SpanRecord } from '../../../telemetry/span-record';
import { buildTraceModel } from '../../../telemetry/trace-model';
import { checkCriticalSpan, mostCriticalSpan, spanLabel } from '../checks-trace';
import { defineExercise } from '../spec';
import { connectMatchmaker } from './matchmaker-run';

interface CriticalEvidence {
  readonly path: string;
  readonly spans: readonly SpanRecord[];
}

const PATHS: readonly string[] = ['/pair/beer?name=stout', '/pair/beer?name=sour', '/pair/beer?name=amber'];

export const criticalSpanExercise = defineExercise<CriticalEvidence>({
  id: 'critical-path',
  question: 'Which span, besides the root, is on the critical path the longest: the one to make faster first?',
  runLabel: 'Send a pairing request',
  answer: { kind: 'choice', label: 'The span' },
  services: MATCHMAKER_SERVICES,
  connect: (open) =>
    connectMatchmaker(open, { demoId: 'exercise-critical-path', speed: 1, seededIds: true }, async (run, runs) => {
      const { path, spans } = await run.getInTurn(PATHS, runs);
      return { path, spans };
    }),
  present: ({ path, spans }) => ({ caption: `curl "localhost:5000${path}": press “Critical path” in the waterfall’s header`, trace: buildTraceModel(spans), spans }),
  choices: ({ spans }) => {
    const model = buildTraceModel(spans);
    return model.rows.flatMap((r, i) => (r.parentIndex < 0 ? [] : [{ value: r.span.spanId, label: `${i + 1}. ${spanLabel(r.span)} (${r.span.kind})` }]));
  },
  check: ({ spans }, answer) => checkCriticalSpan(spans, answer),
  solve: ({ spans }) => mostCriticalSpan(spans)?.span.spanId ?? '',
});
