/**
 * `<div data-demo="exercise" data-exercise="workshop">`: predict, then check. The learner runs the scenario, reads
 * its evidence (a trace, headers, log lines) and answers; the check is made against that evidence, a miss gets a
 * hint, a hit says why and is kept in local storage. Print view runs the scenario to its end and shows the answer
 * the trace gives, with its explanation.
 */
import type { Demo } from '../demo';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { createExerciseView, type ExerciseView } from './exercise-view';
import { exerciseFor } from './exercises';
import { markSolved, PROGRESS_EVENT, pageStorage } from './progress-store';
import type { ExerciseSpec, ScenarioSession } from './spec';

interface ExerciseSession extends LiveSession {
  readonly scenario: ScenarioSession<unknown>;
  /** What the last run produced; undefined until a run has finished. */
  evidence: unknown;
}

interface ExerciseDemoView extends LiveView<ExerciseSession> {
  readonly spec: ExerciseSpec<unknown>;
  readonly ui: ExerciseView;
  run(): Promise<void>;
}

/** Tell the page (the title slide's progress line) that progress changed. */
function announceProgress(): void {
  window.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
}

export function createExerciseDemo(): Demo {
  return createLiveDemo<ExerciseDemoView, ExerciseSession>((live) => ({
    mount(root) {
      const name = root.dataset['exercise'] ?? '';
      const spec = exerciseFor(name);
      if (!spec) throw new Error(`there is no exercise called “${name}”`);

      const run = (): Promise<void> =>
        live.runOne(async (session, signal) => {
          ui.showVerdict(null);
          ui.setStatus('Running…');
          session.world.sync();
          const evidence = await session.scenario.produce(signal);
          if (signal.aborted) return;
          session.evidence = evidence;
          ui.showEvidence(spec.present(evidence));
          ui.setChoices(spec.choices?.(evidence) ?? []);
          ui.setStatus('Now answer, then press Check. Run it again for a new one.');
        });

      const check = (answer: string): void => {
        const session = live.session;
        if (!session || session.evidence === undefined) {
          ui.showVerdict({ right: false, text: `Press “${spec.runLabel}” first: the answer comes from what it produces.` });
          return;
        }
        if (answer.trim() === '') {
          ui.showVerdict({ right: false, text: spec.answer.kind === 'choice' ? 'Choose an answer first.' : 'Type an answer first.' });
          return;
        }
        const verdict = spec.check(session.evidence, answer);
        ui.showVerdict(verdict);
        if (verdict.right) {
          markSolved(pageStorage(), spec.id);
          announceProgress();
        }
      };

      const ui = createExerciseView(
        { question: spec.question, runLabel: spec.runLabel, answer: spec.answer, services: spec.services ?? [] },
        { run: () => void run().catch(live.fail), check, reset: () => live.reset() },
      );
      root.replaceChildren(ui.element);
      return {
        spec,
        ui,
        run,
        draw: () => ui.setBusy(live.busy),
        reset: () => ui.clear(),
        showProblem: (message) => ui.setStatus(message),
        destroy: () => ui.destroy(),
      };
    },
    connect(open, view) {
      const scenario = view.spec.connect(open);
      return { world: scenario.world, scenario, evidence: undefined, stop: () => scenario.stop?.() };
    },
    // Print view: the scenario's seeded run, and the answer its own evidence gives, checked as a learner's would be.
    async print(session, view) {
      const done = view.run();
      await session.world.fastForward();
      await done;
      if (session.evidence === undefined) return;
      const answer = view.spec.solve(session.evidence);
      view.ui.fill(answer);
      view.ui.showVerdict(view.spec.check(session.evidence, answer));
    },
  }));
}
