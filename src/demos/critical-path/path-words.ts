/**
 * A critical path in words, for the line under the jaeger-ui #2371 case: the spans it passes through, in time order,
 * each named once per run ("GET /b (foo2) → GET /report → GET /c (foo3, after foo1)"). Pure.
 */
import type { CriticalPathSegment } from '../../analysis/critical-path';
import type { SpanRecord } from '../../telemetry/span-record';

export function pathWords(segments: readonly CriticalPathSegment[], spans: readonly SpanRecord[]): string {
  const names = new Map(spans.map((s) => [s.spanId, s.name] as const));
  const words: string[] = [];
  let last = '';
  for (const s of segments) {
    if (s.spanId === last) continue;
    last = s.spanId;
    words.push(names.get(s.spanId) ?? s.spanId);
  }
  return words.join(' → ');
}
