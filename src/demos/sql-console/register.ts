import '../kit/demo.css';
import './sql-console.css';
import type { DemoRegistration } from '../demo';
import { createLazyDemo } from '../kit/lazy-demo';

/**
 * `<div data-demo="sql-console" data-dataset="matchmaker commute">`: SQL over the deck's spans in a real SQLite. Its
 * code and SQLite (JavaScript and wasm) load with its slide, not with the first one.
 */
export const registration: DemoRegistration = {
  name: 'sql-console',
  create: () => createLazyDemo(() => import('./sql-console-demo').then((m) => m.createSqlConsoleDemo), 'the SQL console'),
};
