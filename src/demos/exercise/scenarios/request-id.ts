/** Causality: four requests through an nginx that stamps X-Request-ID. Which access-log line is this app log line's request? */
import { createProxiedMatchmaker, proxyUrl } from '../../../sim/proxy/proxied-matchmaker';
import type { LogLine } from '../../../sim/timing-log';
import { checkSameRequest } from '../checks-many';
import { defineExercise } from '../spec';

interface RequestIdEvidence {
  readonly access: readonly LogLine[];
  readonly app: LogLine;
}

const PATHS: readonly string[] = ['/beers/ipa', '/beers/ipa', '/donuts/jelly', '/beers/ipa'];

export const requestIdExercise = defineExercise<RequestIdEvidence>({
  id: 'causality',
  question: 'Which of nginx’s access-log lines is the same request as web’s log line below?',
  runLabel: `Send ${PATHS.length} requests through nginx`,
  answer: { kind: 'choice', label: 'The access-log line' },
  connect(open) {
    const world = open({ demoId: 'exercise-causality', speed: 1 });
    const system = createProxiedMatchmaker({ clock: world.clock, random: world.random, tracerFor: world.telemetry.tracerFor, mode: 'request-id' });
    return {
      world,
      stop: () => system.stop(),
      async produce() {
        system.accessLog.clear();
        system.appLog.clear();
        await Promise.all(PATHS.map((path) => system.send({ method: 'GET', url: proxyUrl(path), headers: { 'user-agent': 'curl/8.5.0' } })));
        const access = [...system.accessLog.all()];
        // A line of the third request to /beers/ipa: the path alone cannot tell which access line it is.
        const ids = access.filter((l) => l.requestId && l.text.includes('/beers/ipa')).map((l) => l.requestId);
        const app = system.appLog.all().find((l) => l.requestId === ids.at(-1));
        if (!app) throw new Error('web logged no line with a request id');
        return { access, app };
      },
    };
  },
  present: ({ access, app }) => ({
    caption: 'nginx’s access log (access_trace.log)',
    lines: access.map((l) => l.text),
    focus: `web’s log: ${app.text}`,
  }),
  choices: ({ access }) => access.map((_line, i) => ({ value: String(i), label: `Line ${i + 1}` })),
  check: ({ access, app }, answer) => checkSameRequest(app, access, answer),
  solve: ({ access, app }) => String(access.findIndex((l) => l.requestId === app.requestId)),
});
