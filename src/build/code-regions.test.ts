import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRegion, parseRegionReference, regionReferences } from './code-regions';

const ROOT = join(import.meta.dirname, '..', '..');

describe('extractRegion', () => {
  const source = [
    'const a = 1;',
    '  // #region outer',
    '  const b = 2;',
    '  // #region inner',
    '  const c = 3;',
    '  // #endregion',
    '  const d = 4;',
    '  // #endregion',
    '// #region outer',
    'const e = 5;',
    '// #endregion',
  ].join('\n');

  it('takes the lines between the markers, dedented, leaving out nested markers and joining blocks of one name', () => {
    expect(extractRegion(source, 'outer')).toBe('const b = 2;\nconst c = 3;\nconst d = 4;\n// …\nconst e = 5;');
    expect(extractRegion(source, 'inner')).toBe('const c = 3;');
  });

  it('fails, naming the file and the region, when the region is missing or not closed', () => {
    expect(() => extractRegion(source, 'nope', 'x.ts')).toThrow('x.ts has no region "nope"');
    expect(() => extractRegion('// #region open\nconst x = 1;', 'open', 'y.ts')).toThrow('y.ts: region "open" has no // #endregion');
  });

  it('reads a reference from a fence info string, and nothing from a plain one', () => {
    expect(parseRegionReference('ts src/sim/tracing.ts#record-error')).toEqual({ language: 'ts', path: 'src/sim/tracing.ts', region: 'record-error' });
    expect(parseRegionReference('ts')).toBeUndefined();
    expect(parseRegionReference('python')).toBeUndefined();
  });
});

describe('the code regions the slides show', () => {
  const chapters = readdirSync(join(ROOT, 'slides')).filter((f) => f.endsWith('.md'));
  const refs = chapters.flatMap((f) => regionReferences(readFileSync(join(ROOT, 'slides', f), 'utf8')).map((r) => ({ ...r, chapter: f })));

  it('shows code from the deck’s own source on at least ten slides', () => {
    expect(refs.length).toBeGreaterThanOrEqual(10);
  });

  it.each(refs.map((r) => [`${r.chapter}: ${r.path}#${r.region}`, r] as const))('%s exists, and is short enough to read', (_name, ref) => {
    const code = extractRegion(readFileSync(join(ROOT, ref.path), 'utf8'), ref.region, ref.path);
    expect(code.trim()).not.toBe('');
    // Beside a demo at 1280×720, half the slide holds about 16 lines of 60 characters at 16px.
    const lines = code.split('\n');
    expect(lines.length).toBeLessThanOrEqual(16);
    expect(lines.filter((l) => l.length > 60)).toEqual([]);
  });
});
