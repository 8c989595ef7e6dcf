/**
 * Which span of which request the slide dissects, and what "make it fail" breaks for it. Pure data and pickers:
 * the demo sends `path`, sets `failure` on the matchmaker's faults, and shows the span `pick` finds in the trace.
 */
import type { SpanRecord } from '../../telemetry/span-record';

type SpanChoiceId = 'web' | 'sql' | 'redis' | 'taster';

export interface SpanChoice {
  readonly id: SpanChoiceId;
  /** What the picker says. */
  readonly label: string;
  /** The request that makes this span, sent to web:5000. */
  readonly path: string;
  /** Faults that make this span fail, and how the switch describes them. */
  readonly failure: { readonly down?: readonly string[]; readonly failing?: readonly string[] };
  readonly failureLabel: string;
  /** Finds the span in the finished trace (spans in any order). */
  pick(spans: readonly SpanRecord[]): SpanRecord | undefined;
}

const first = (spans: readonly SpanRecord[], test: (s: SpanRecord) => boolean) =>
  spans.filter(test).sort((a, b) => a.startMs - b.startMs)[0];

export const SPAN_CHOICES: readonly SpanChoice[] = [
  {
    id: 'web',
    label: 'the web server span',
    path: '/beers/ipa',
    failure: { down: ['db'] },
    failureLabel: 'the database is down',
    pick: (spans) => first(spans, (s) => s.kind === 'SERVER' && s.serviceName === 'web'),
  },
  {
    id: 'sql',
    label: 'the SQL span',
    path: '/beers/ipa',
    failure: { down: ['db'] },
    failureLabel: 'the database is down',
    pick: (spans) => first(spans, (s) => s.attributes['db.system.name'] === 'postgresql'),
  },
  {
    id: 'redis',
    label: 'the Redis span',
    path: '/donuts/jelly',
    failure: { down: ['redis'] },
    failureLabel: 'Redis is down',
    pick: (spans) => first(spans, (s) => s.attributes['db.system.name'] === 'redis'),
  },
  {
    id: 'taster',
    label: 'a taster span of a pairing',
    path: '/pair/beer?name=ipa',
    // Taster up but throwing: a down host would leave no taster span to look at.
    failure: { failing: ['taster'] },
    failureLabel: 'taster’s code throws',
    pick: (spans) => first(spans, (s) => s.kind === 'SERVER' && s.serviceName === 'taster'),
  },
];

/** The choice a picker value names; the first when it names none (a value is never trusted). */
export function spanChoice(id: string | undefined): SpanChoice {
  return SPAN_CHOICES.find((c) => c.id === id) ?? SPAN_CHOICES[0]!;
}
