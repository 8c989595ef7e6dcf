import { describe, expect, it } from 'vitest';
import { criticalPath } from '../../analysis/critical-path';
import { JAEGER_UI_2371 } from '../../analysis/critical-path-fixtures';
import { pathWords } from './path-words';

describe('pathWords', () => {
  it('tells the path the rule drew for jaeger-ui #2371, and the one the program took', () => {
    const { spans, drawn, actual } = JAEGER_UI_2371;
    expect(pathWords(criticalPath(spans).segments, spans)).toBe('GET /b (foo2) → GET /report → GET /c (foo3, after foo1)');
    expect(pathWords(drawn, spans)).toBe(pathWords(criticalPath(spans).segments, spans));
    expect(pathWords(actual, spans)).toBe('GET /a (foo1) → GET /report → GET /c (foo3, after foo1)');
  });

  it('names a span with no record by its id, and a span once per run', () => {
    const seg = (spanId: string, startMs: number) => ({ spanId, startMs, endMs: startMs + 1 });
    expect(pathWords([seg('x', 0), seg('x', 1), seg('y', 2)], [])).toBe('x → y');
  });
});
