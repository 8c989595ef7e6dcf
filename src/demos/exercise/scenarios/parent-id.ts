/** Chapter 4, the workshop: web calls taster; what parent span id will taster's SERVER span record? */
import { MATCHMAKER_SERVICES } from '../../../sim/matchmaker';
import { checkParentId, firstServerSpanOf, spanLabel } from '../checks-trace';
import { defineExercise } from '../spec';
import { connectMatchmaker } from './matchmaker-run';
import { type PairingCalls, pairAndListen } from './wire-calls';

export const parentIdExercise = defineExercise<PairingCalls>({
  id: 'workshop',
  question: 'Predict: what parent span id will taster’s SERVER span for this first call record?',
  runLabel: 'Send a pairing request',
  answer: { kind: 'text', label: 'Parent span id (16 hex digits)', placeholder: '16 hex digits' },
  services: MATCHMAKER_SERVICES,
  connect: (open) => connectMatchmaker(open, { demoId: 'exercise-workshop', speed: 1, seededIds: true }, pairAndListen),
  // Only web's side, as web knows it, and the wire: what taster will make of it is the prediction.
  present: ({ path, spans, headers }) => ({
    caption: `curl "localhost:5000${path}": web’s spans, and the first call web made to taster`,
    lines: [
      // web's SERVER span and its HTTP calls (not its SQL and Redis clients): the candidates a learner weighs.
      ...spans
        .filter((s) => s.serviceName === 'web' && (s.kind === 'SERVER' || (s.kind === 'CLIENT' && s.attributes['server.address'] === 'taster')))
        .sort((a, b) => a.startMs - b.startMs)
        .slice(0, 4)
        .map((s) => `${spanLabel(s)} (${s.kind}) span id ${s.spanId}`),
      `→ GET taster:5001/taste, header traceparent: ${headers[0] ?? '(none)'}`,
    ],
    focus: 'The header is all taster gets from web.',
  }),
  check: ({ spans }, answer) => {
    const callee = firstServerSpanOf(spans, 'taster');
    return callee ? checkParentId(spans, callee, answer) : { right: false, text: 'taster was never reached: run it again.' };
  },
  solve: ({ spans }) => firstServerSpanOf(spans, 'taster')?.parentSpanId ?? '',
});
