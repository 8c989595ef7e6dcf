/**
 * A worked example for causal tracking, kept beside the analysis (as critical-path-fixtures.ts is) so its tests and
 * the chapter's demo share one workflow without the analysis reaching into a demo.
 *
 * The demo's workflow: web forks a token check (auth) and a query (db), joins both answers, and responds.
 *
 *   web: request in ── fork ─┬─> auth: check token ── token ok ──┐
 *                            └─> db:   query ──────── rows ──────┴─> web: join ── respond
 */
import type { Workflow } from './causal-tracking';

export const FORK_JOIN: Workflow = {
  entryHost: 'web',
  points: [
    { id: 'w1', host: 'web', name: 'request in', trueMs: 0 },
    { id: 'w2', host: 'web', name: 'fork', trueMs: 1 },
    { id: 'a1', host: 'auth', name: 'check token', trueMs: 2 },
    { id: 'd1', host: 'db', name: 'query', trueMs: 2.5 },
    { id: 'a2', host: 'auth', name: 'token ok', trueMs: 6 },
    { id: 'd2', host: 'db', name: 'rows', trueMs: 9 },
    { id: 'w3', host: 'web', name: 'join', trueMs: 10 },
    { id: 'w4', host: 'web', name: 'respond', trueMs: 11 },
  ],
  edges: [
    ['w1', 'w2'],
    ['w2', 'a1'],
    ['w2', 'd1'],
    ['a1', 'a2'],
    ['d1', 'd2'],
    ['a2', 'w3'],
    ['d2', 'w3'],
    ['w3', 'w4'],
  ],
};

/** How far behind db's clock runs when the learner skews it: enough to put its query before the request began. */
export const DB_SKEW_MS = -8;
/** The records lost when the learner loses some: the last of each branch. */
export const LOST: readonly string[] = ['a2', 'd2'];
