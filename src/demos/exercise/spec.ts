/**
 * What one exercise is, as data and pure functions: the scenario that makes its evidence in a live world, what the
 * learner is shown, the question, and the check. The check reads the answer against the evidence the scenario
 * produced (the spans of its trace, the headers on its wire, its log lines), never against a stored answer.
 */
import type { SpanRecord } from '../../telemetry/span-record';
import type { TraceModel } from '../../telemetry/trace-model';
import type { LiveSession } from '../live-demo';
import type { LiveWorld, LiveWorldOptions } from '../live-world';
import type { ServiceGraphSnapshot } from '../../analysis/service-graph';

/** The outcome of one check. On a miss the text is a hint, and never the answer. */
export interface Verdict {
  readonly right: boolean;
  readonly text: string;
}

/** One option of a choice: what is checked, and what the learner reads. */
export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** How the learner answers: a typed value (hex, a name, a number) or a pick from choices read off the evidence. */
export type AnswerKind =
  | { readonly kind: 'text'; readonly label: string; readonly placeholder?: string; readonly numeric?: boolean }
  | { readonly kind: 'choice'; readonly label: string };

/** What the learner reads to answer: a trace in a waterfall, a service map, lines of text (headers, logs, rows). */
export interface Evidence {
  /** One line above the evidence: what it is. */
  readonly caption: string;
  readonly trace?: TraceModel;
  readonly graph?: ServiceGraphSnapshot;
  /** Lines shown as they are (as text, never markup): headers, log lines, attribute rows. */
  readonly lines?: readonly string[];
  /** Said under the lines: which of them the question is about, when it is about one. */
  readonly focus?: string;
  /** The spans behind a trace or a map, offered as JSON for whoever wants to read the data itself. */
  readonly spans?: readonly SpanRecord[];
}

/** A scenario's session: its world and how it makes the evidence, once per press of the run button. */
export interface ScenarioSession<E> extends LiveSession {
  /** Make the evidence in the world: send the requests, wait for their spans, read them. */
  produce(signal: AbortSignal): Promise<E>;
}

/** Opens the session's one world (the live demo's `open`). */
export type OpenWorld = (options: LiveWorldOptions) => LiveWorld;

export interface ExerciseSpec<E> {
  /** Kept in progress; the slide's id is this plus `-exercise`. */
  readonly id: string;
  /** The question, shown once the evidence is there. */
  readonly question: string;
  /** The run button's text: "Send the request". */
  readonly runLabel: string;
  readonly answer: AnswerKind;
  /** The system's services, for the waterfall's colours. */
  readonly services?: readonly string[];
  connect(open: OpenWorld): ScenarioSession<E>;
  present(evidence: E): Evidence;
  /** The options of a choice answer, from the evidence. */
  choices?(evidence: E): readonly Choice[];
  check(evidence: E, answer: string): Verdict;
  /** The right answer from the evidence (print view shows it with its verdict; tests never read it). */
  solve(evidence: E): string;
}

/** An exercise of any evidence type, as the registry keeps it: the spec's functions only ever see their own evidence. */
export const defineExercise = <E>(spec: ExerciseSpec<E>): ExerciseSpec<unknown> => spec as unknown as ExerciseSpec<unknown>;
