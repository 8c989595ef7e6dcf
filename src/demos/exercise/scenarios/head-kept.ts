/** Sampling: predict how many of 100 traces a 10% head sampler keeps, then send them and count. */
import { MATCHMAKER_SERVICES } from '../../../sim/matchmaker';
import { checkKeptCount } from '../checks-many';
import { defineExercise } from '../spec';
import { connectMatchmaker } from './matchmaker-run';

const REQUESTS = 100;
const RATIO = 0.1;

interface KeptEvidence {
  /** The traces that reached the store, by id: the sampled ones. */
  readonly kept: readonly string[];
}

export const headKeptExercise = defineExercise<KeptEvidence>({
  id: 'sampling',
  question: `Predict first: of ${REQUESTS} requests, about how many traces will ParentBased(TraceIdRatioBased ${RATIO * 100}%) keep?`,
  runLabel: `Send ${REQUESTS} requests`,
  answer: { kind: 'text', label: 'Traces kept (your prediction)', placeholder: 'a number', numeric: true },
  services: MATCHMAKER_SERVICES,
  connect: (open) =>
    connectMatchmaker(
      open,
      // Every service decides as OTel JS's default pairing does: a root by its trace id, a child as its parent did.
      { demoId: 'exercise-sampling', speed: 8, seededIds: true, samplers: () => ({ kind: 'parentbased', root: { kind: 'traceidratio', ratio: RATIO } }) },
      async (run, _runs, signal) => {
        run.world.store.clear();
        await run.traffic(REQUESTS, 10, signal);
        return { kept: run.world.store.traceIds() };
      },
    ),
  present: ({ kept }) => ({
    caption: `${REQUESTS} requests sent; the traces that reached the backend:`,
    lines: kept.map((id) => `trace ${id}`),
  }),
  check: ({ kept }, answer) => checkKeptCount(kept.length, REQUESTS, RATIO, answer),
  solve: ({ kept }) => String(kept.length),
});
