/**
 * Every chapter's exercise, by the name a slide gives in `data-exercise`. The slide's id is the name plus
 * `-exercise`, and the name is what progress keeps.
 */
import { commuteExercise } from './scenarios/commute';
import { criticalSpanExercise } from './scenarios/critical-span';
import { errorCountExercise } from './scenarios/error-count';
import { faultEdgeExercise } from './scenarios/fault-edge';
import { headKeptExercise } from './scenarios/head-kept';
import { logLineExercise } from './scenarios/log-line';
import { parentIdExercise } from './scenarios/parent-id';
import { requestIdExercise } from './scenarios/request-id';
import { routeExercise } from './scenarios/route';
import { traceparentExercise } from './scenarios/traceparent';
import type { ExerciseSpec } from './spec';

const EXERCISES: readonly ExerciseSpec<unknown>[] = [
  commuteExercise,
  routeExercise,
  parentIdExercise,
  traceparentExercise,
  logLineExercise,
  faultEdgeExercise,
  criticalSpanExercise,
  errorCountExercise,
  headKeptExercise,
  requestIdExercise,
];

/** The exercise a slide names, or undefined for a name no exercise has. */
export function exerciseFor(name: string): ExerciseSpec<unknown> | undefined {
  return EXERCISES.find((e) => e.id === name);
}

/** Every exercise's name, in deck order. */
export const EXERCISE_NAMES: readonly string[] = EXERCISES.map((e) => e.id);
