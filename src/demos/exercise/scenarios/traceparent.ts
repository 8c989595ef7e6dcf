/** Chapter 5, OpenTelemetry: decode this traceparent. Which span of the trace does it name as the parent? */
import { MATCHMAKER_SERVICES } from '../../../sim/matchmaker';
import { buildTraceModel } from '../../../telemetry/trace-model';
import { parseTraceparent } from '../../../lib/traceparent';
import { checkTraceparentSender, spanLabel } from '../checks-trace';
import { defineExercise } from '../spec';
import { connectMatchmaker } from './matchmaker-run';
import { type PairingCalls, pairAndListen } from './wire-calls';

/** The header the question is about: web's last call to taster, so it is not the first span in the list. */
const headerOf = (calls: PairingCalls): string => calls.headers.at(-1) ?? '';

export const traceparentExercise = defineExercise<PairingCalls>({
  id: 'otel',
  question: 'Decode the header: which span of this trace is its parent-id?',
  runLabel: 'Send a pairing request',
  answer: { kind: 'choice', label: 'The span it names' },
  services: MATCHMAKER_SERVICES,
  connect: (open) => connectMatchmaker(open, { demoId: 'exercise-otel', speed: 1, seededIds: true }, (run, runs) => pairAndListen(run, runs + 1)),
  present: (calls) => ({
    caption: `curl "localhost:5000${calls.path}": its trace, and a header web sent to taster`,
    trace: buildTraceModel(calls.spans),
    spans: calls.spans,
    lines: [`traceparent: ${headerOf(calls)}`],
  }),
  choices: ({ spans }) =>
    [...spans].sort((a, b) => a.startMs - b.startMs).map((s) => ({ value: s.spanId, label: `${spanLabel(s)} (${s.kind}) · ${s.spanId}` })),
  check: (calls, answer) => checkTraceparentSender(calls.spans, headerOf(calls), answer),
  solve: (calls) => {
    const parsed = parseTraceparent(headerOf(calls));
    return parsed.ok ? parsed.value.parentId : '';
  },
});
