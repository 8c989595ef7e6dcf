/** Chapter 7, many requests: forty requests with faults switched on, drawn as a service map. Which edge has the most 5xx? */
import { ServiceGraph, type ServiceGraphSnapshot } from '../../../analysis/service-graph';
import { MATCHMAKER_SERVICES } from '../../../sim/matchmaker';
import type { SpanRecord } from '../../../telemetry/span-record';
import { checkFaultiestEdge, faultiestEdge } from '../checks-many';
import { defineExercise } from '../spec';
import { connectMatchmaker } from './matchmaker-run';

/** Enough requests that every edge is used several times; few enough to finish in a few seconds at 4× speed. */
const REQUESTS = 40;
/** One request in five fails at each service it reaches (the console's error-rate fault, lower). */
const ERROR_RATE = 0.2;

interface MapEvidence {
  readonly graph: ServiceGraphSnapshot;
  readonly spans: readonly SpanRecord[];
}

export const faultEdgeExercise = defineExercise<MapEvidence>({
  id: 'many-requests',
  question: 'Which edge of this map answered with the most 5xx?',
  runLabel: `Send ${REQUESTS} requests`,
  answer: { kind: 'choice', label: 'The edge' },
  services: MATCHMAKER_SERVICES,
  connect: (open) =>
    connectMatchmaker(open, { demoId: 'exercise-many-requests', speed: 4, seededIds: true }, async (run, _runs, signal) => {
      const { world } = run;
      world.store.clear();
      await run.withErrorRate(ERROR_RATE, () => run.traffic(REQUESTS, 4, signal));
      // Fold every span of the batch, in the order they ended, as the Collector's connector sees them; then let
      // what still waits for its other half expire, since nothing more will come.
      const graph = new ServiceGraph();
      const spans = world.store.traceIds().flatMap((id) => [...world.store.getTrace(id)]).sort((a, b) => a.endMs - b.endMs);
      for (const span of spans) graph.fold(span, span.endMs);
      graph.expire(world.clock.now() + graph.ttlMs);
      return { graph: graph.snapshot(), spans };
    }),
  present: ({ graph, spans }) => ({ caption: `The service map of ${REQUESTS} requests, one in five failing at each service`, graph, spans }),
  choices: ({ graph }) => graph.edges.map((e) => ({ value: e.id, label: e.id })),
  check: ({ graph }, answer) => checkFaultiestEdge(graph, answer),
  solve: ({ graph }) => faultiestEdge(graph)?.id ?? '',
});
