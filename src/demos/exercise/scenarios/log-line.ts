/** Chapter 6, the bootcamp: three home-feed loads and the backend's log. Which log line belongs to this span? */
import { BOOTCAMP_SERVICES, createBootcamp, type LogLine, MANUAL_SPAN } from '../../../sim/bootcamp';
import { formatLogLine } from '../../../sim/bootcamp/logger';
import type { SpanRecord } from '../../../telemetry/span-record';
import { checkLogLine } from '../checks-many';
import { spanLabel } from '../checks-trace';
import { defineExercise } from '../spec';

interface LogEvidence {
  readonly span: SpanRecord;
  readonly lines: readonly LogLine[];
}

const LOADS = 3;

export const logLineExercise = defineExercise<LogEvidence>({
  id: 'bootcamp',
  question: 'Which log line was written while this span was running?',
  runLabel: `Load the home feed ${LOADS} times`,
  answer: { kind: 'choice', label: 'The log line' },
  services: BOOTCAMP_SERVICES,
  connect(open) {
    const world = open({ demoId: 'exercise-bootcamp', speed: 1, seededIds: true });
    const system = createBootcamp({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor });
    return {
      world,
      stop: () => system.stop(),
      async produce() {
        system.logs.clear();
        world.store.clear();
        for (let i = 0; i < LOADS; i++) await system.loadHome();
        const spans = world.store.traceIds().flatMap((id) => [...world.store.getTrace(id)]);
        // The manual span of the middle load: neither the first line nor the last is the answer.
        const manual = spans.filter((s) => s.name === MANUAL_SPAN).sort((a, b) => a.startMs - b.startMs);
        const span = manual[Math.floor(manual.length / 2)];
        if (!span) throw new Error('the home feed made no manual span');
        return { span, lines: [...system.logs.lines] };
      },
    };
  },
  present: ({ span, lines }) => ({
    caption: `backend-flask’s log after ${LOADS} loads of the home feed`,
    lines: lines.map(formatLogLine),
    focus: `The span: ${spanLabel(span)}, trace_id ${span.traceId}, span_id ${span.spanId}`,
  }),
  choices: ({ lines }) => lines.map((l, i) => ({ value: String(l.seq), label: `Line ${i + 1}: ${l.message.slice(0, 48)}` })),
  check: ({ span, lines }, answer) => checkLogLine(span, lines, answer),
  solve: ({ span, lines }) => String(lines.find((l) => l.spanId === span.spanId)?.seq ?? ''),
});
