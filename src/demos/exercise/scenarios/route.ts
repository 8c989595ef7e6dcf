/** Chapter 3, spans: which attribute of web's server span tells the route the request matched? */
import { MATCHMAKER_SERVICES } from '../../../sim/matchmaker';
import { formatAttrValue } from '../../../viz/attr-format';
import type { SpanRecord } from '../../../telemetry/span-record';
import { checkRouteAttribute, routeAttributeOf, serverSpanOf } from '../checks-trace';
import { defineExercise } from '../spec';
import { connectMatchmaker } from './matchmaker-run';

interface RouteEvidence {
  readonly path: string;
  readonly server: SpanRecord;
}

/** Lookups of one item: their path names a beer or a donut, their route does not. */
const PATHS: readonly string[] = ['/beers/stout', '/donuts/jelly', '/beers/ipa', '/donuts/maple'];

export const routeExercise = defineExercise<RouteEvidence>({
  id: 'spans',
  question: 'Which attribute of this SERVER span tells the route: the same value for every beer you could ask for?',
  runLabel: 'Send a request',
  answer: { kind: 'text', label: 'Attribute key', placeholder: 'e.g. http.request.method' },
  services: MATCHMAKER_SERVICES,
  connect: (open) =>
    connectMatchmaker(open, { demoId: 'exercise-spans', speed: 1, seededIds: true }, async (run, runs) => {
      const { path, spans } = await run.getInTurn(PATHS, runs);
      const server = serverSpanOf(spans);
      if (!server) throw new Error(`GET ${path} left no server span`);
      return { path, server };
    }),
  present: ({ path, server }) => ({
    caption: `curl localhost:5000${path}: the attributes of web’s SERVER span “${server.name}”`,
    lines: Object.entries(server.attributes).map(([key, value]) => `${key} = ${formatAttrValue(value)}`),
  }),
  check: ({ server }, answer) => checkRouteAttribute(server, answer),
  solve: ({ server }) => routeAttributeOf(server) ?? '',
});
