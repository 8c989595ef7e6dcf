/** Chapter 2, the commute: one morning's journey as a trace. Which span took the time? */
import { COMMUTE_SERVICES, createCommuteCity } from '../../../sim/commute';
import { buildTraceModel, type TraceModel } from '../../../telemetry/trace-model';
import { slowestSelfRow } from '../../../viz/trace-questions';
import { checkSlowestSpan, spanLabel } from '../checks-trace';
import { defineExercise } from '../spec';

/** Simulated ms per wall ms, as the commute's own demo runs: a 40-minute journey in about 4 seconds. */
const SPEED = 600;

export const commuteExercise = defineExercise<TraceModel>({
  id: 'commute',
  question: 'Which span took the time: where would you look first to make this commute shorter?',
  runLabel: 'Go to work',
  answer: { kind: 'choice', label: 'The span' },
  services: COMMUTE_SERVICES,
  connect(open) {
    const world = open({ demoId: 'exercise-commute', speed: SPEED, seededIds: true });
    const city = createCommuteCity({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
    return {
      world,
      async produce() {
        const trip = city.goToWork();
        await trip.arrived;
        return buildTraceModel(world.store.getTrace(trip.traceId), trip.traceId);
      },
    };
  },
  present: (model) => ({ caption: 'One commuter’s morning, leg by leg', trace: model, spans: model.rows.map((r) => r.span) }),
  choices: (model) => model.rows.map((r, i) => ({ value: r.span.spanId, label: `${i + 1}. ${spanLabel(r.span)}` })),
  check: checkSlowestSpan,
  solve: (model) => model.rows[slowestSelfRow(model)]?.span.spanId ?? '',
});
