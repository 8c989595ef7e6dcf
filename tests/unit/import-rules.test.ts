/**
 * The architecture's one-way imports, read from the source: sim knows only the OTel API; viz knows only the trace
 * model's types; only telemetry touches the OTel SDK; only deck touches reveal.js and mermaid; nothing imports deck
 * or main; a demo folder imports the kit and the layers below, never another demo's folder. Stylesheets' `@import`s
 * count as imports. Test files may reach further (a viz test may build real SDK spans), so they are left out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');

interface Import {
  readonly file: string;
  readonly from: string;
  readonly typeOnly: boolean;
}

const isSource = (name: string): boolean => (name.endsWith('.ts') && !name.endsWith('.test.ts')) || name.endsWith('.css');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : isSource(e.name) ? [join(dir, e.name)] : [],
  );
}

/** Every static and dynamic import of every source file (and `@import` of every stylesheet), resolved against `src/`. */
function imports(): Import[] {
  return sourceFiles(SRC).flatMap((path) => {
    const file = relative(SRC, path);
    const text = readFileSync(path, 'utf8');
    const found: Import[] = [];
    if (path.endsWith('.css')) {
      for (const m of text.matchAll(/@import\s+(?:url\(\s*)?['"]([^'"]+)['"]/g)) found.push({ file, from: target(path, m[1]!), typeOnly: false });
      return found;
    }
    for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)) {
      found.push({ file, from: target(path, m[3]!), typeOnly: m[2] !== undefined });
    }
    for (const m of text.matchAll(/^\s*import\s+'([^']+)'/gm)) found.push({ file, from: target(path, m[1]!), typeOnly: false });
    for (const m of text.matchAll(/import\(\s*'([^']+)'\s*\)/g)) found.push({ file, from: target(path, m[1]!), typeOnly: false });
    return found;
  });
}

/** A relative import as a path under src/ ("viz/waterfall-view"); a package stays its name. */
const target = (path: string, spec: string): string => (spec.startsWith('.') ? relative(SRC, resolve(path, '..', spec)) : spec);
const layer = (fileOrTarget: string): string => fileOrTarget.split('/')[0]!.replace(/\.ts$/, '');
/** The SDK packages; the API and the semantic conventions (names only) are not. */
const isSdk = (from: string): boolean =>
  from.startsWith('@opentelemetry/') && from !== '@opentelemetry/api' && from !== '@opentelemetry/semantic-conventions';
const broken = (rule: (i: Import) => boolean): string[] => imports().filter(rule).map((i) => `${i.file} → ${i.from}`);

/** The demo folder a path is in (`demos/fizzbuzz/…` → `fizzbuzz`); undefined for `demos/*.ts` and other layers. */
const demoFolder = (path: string): string | undefined => /^demos\/([^/]+)\//.exec(path)?.[1];

/**
 * The imports by which one demo folder reaches into another's. `demos/<a>/…` may import its own folder, `demos/*.ts`,
 * `demos/kit/…` and the layers below; the kit is a folder like the others, so it may import no demo folder at all.
 */
function demoFolderViolations(all: readonly Import[]): string[] {
  return all
    .filter((i) => {
      const from = demoFolder(i.file);
      const to = demoFolder(i.from);
      return from !== undefined && to !== undefined && to !== from && to !== 'kit';
    })
    .map((i) => `${i.file} → ${i.from}`);
}

describe('imports go one way', () => {
  it('finds the imports it checks', () => {
    const all = imports();
    expect(all.length).toBeGreaterThan(200);
    expect(all.some((i) => i.file.startsWith('sim/') && i.from === '@opentelemetry/api')).toBe(true);
    expect(all.some((i) => i.file.startsWith('deck/') && i.from === 'reveal.js')).toBe(true);
    expect(all.some((i) => i.file === 'deck/reveal-layer.css' && i.from === 'reveal.js/reveal.css')).toBe(true);
  });

  it('sim imports only sim, lib, the OTel API and the semantic conventions', () => {
    const allowed = (from: string) =>
      from.startsWith('sim/') || from.startsWith('lib/') || from === '@opentelemetry/api' || from === '@opentelemetry/semantic-conventions';
    expect(broken((i) => layer(i.file) === 'sim' && !allowed(i.from))).toEqual([]);
  });

  it('viz never imports sim, and takes from telemetry only the trace model and span record types', () => {
    expect(broken((i) => layer(i.file) === 'viz' && (layer(i.from) === 'sim' || layer(i.from) === 'demos' || layer(i.from) === 'deck'))).toEqual([]);
    expect(
      broken((i) => layer(i.file) === 'viz' && layer(i.from) === 'telemetry' && !/^telemetry\/(trace-model|span-record)$/.test(i.from)),
    ).toEqual([]);
    expect(broken((i) => layer(i.file) === 'viz' && i.from.startsWith('@opentelemetry/'))).toEqual([]);
  });

  it('only telemetry imports the OTel SDK', () => {
    expect(broken((i) => isSdk(i.from) && layer(i.file) !== 'telemetry')).toEqual([]);
  });

  it('no demo folder imports another demo folder (CSS included), and the kit imports none', () => {
    const synthetic: Import[] = [
      { file: 'demos/pipeline/pipeline-demo.ts', from: 'demos/fizzbuzz/controls', typeOnly: false },
      { file: 'demos/pipeline/register.ts', from: 'demos/fizzbuzz/fizzbuzz.css', typeOnly: false },
      { file: 'demos/kit/twin-demo.ts', from: 'demos/instrumentation/compare', typeOnly: true },
      { file: 'demos/kit/demo.css', from: 'demos/fizzbuzz/fizzbuzz.css', typeOnly: false },
      // Allowed: the kit, the folder's own modules, demos/*.ts and the layers below.
      { file: 'demos/pipeline/pipeline-demo.ts', from: 'demos/kit/controls', typeOnly: false },
      { file: 'demos/pipeline/register.ts', from: 'demos/kit/demo.css', typeOnly: false },
      { file: 'demos/pipeline/pipeline-demo.ts', from: 'demos/pipeline/console-lines', typeOnly: false },
      { file: 'demos/kit/twin-demo.ts', from: 'demos/live-demo', typeOnly: false },
      { file: 'demos/live-demo.ts', from: 'demos/kit/dom', typeOnly: false },
      { file: 'demos/fizzbuzz/fizzbuzz-demo.ts', from: 'viz/waterfall-view', typeOnly: false },
    ];
    expect(demoFolderViolations(synthetic)).toEqual([
      'demos/pipeline/pipeline-demo.ts → demos/fizzbuzz/controls',
      'demos/pipeline/register.ts → demos/fizzbuzz/fizzbuzz.css',
      'demos/kit/twin-demo.ts → demos/instrumentation/compare',
      'demos/kit/demo.css → demos/fizzbuzz/fizzbuzz.css',
    ]);
    const all = imports();
    expect(demoFolderViolations(all)).toEqual([]);
    expect(all.some((i) => i.file.endsWith('/register.ts') && i.from === 'demos/kit/demo.css')).toBe(true);
  });

  it('only deck imports reveal.js and mermaid, and nothing imports deck or main', () => {
    expect(broken((i) => /^(reveal\.js|mermaid)(\/|$)/.test(i.from) && layer(i.file) !== 'deck')).toEqual([]);
    expect(broken((i) => layer(i.from) === 'deck' && layer(i.file) !== 'deck' && i.file !== 'main.ts')).toEqual([]);
    expect(broken((i) => i.from === 'main')).toEqual([]);
  });

  it('build is Node code for vite.config.ts: nothing in the page imports it, and it imports only Node, marked and highlight.js', () => {
    expect(broken((i) => layer(i.from) === 'build' && layer(i.file) !== 'build')).toEqual([]);
    expect(broken((i) => layer(i.file) === 'build' && !i.from.startsWith('build/') && !/^(node:.+|marked|highlight\.js)$/.test(i.from))).toEqual([]);
    expect(imports().some((i) => i.file === 'build/markdown-slides.ts' && i.from === 'marked')).toBe(true);
  });

  it('lib imports nothing of the project and no package', () => {
    expect(imports().some((i) => i.from.startsWith('lib/') && layer(i.file) === 'sim')).toBe(true);
    expect(broken((i) => layer(i.file) === 'lib' && !i.from.startsWith('lib/'))).toEqual([]);
  });

  it('only sql imports SQLite, and sql imports only sql, analysis and the span record types', () => {
    expect(broken((i) => i.from.startsWith('@sqlite.org/') && layer(i.file) !== 'sql')).toEqual([]);
    expect(
      broken((i) => layer(i.file) === 'sql' && !/^(sql|analysis)\//.test(i.from) && i.from !== 'telemetry/span-record' && !i.from.startsWith('@sqlite.org/sqlite-wasm')),
    ).toEqual([]);
    expect(imports().some((i) => i.file === 'sql/load-sqlite.ts' && i.from === '@sqlite.org/sqlite-wasm')).toBe(true);
  });

  it('analysis imports only analysis and the span record types', () => {
    expect(broken((i) => layer(i.file) === 'analysis' && !i.from.startsWith('analysis/') && i.from !== 'telemetry/span-record')).toEqual([]);
    expect(broken((i) => layer(i.file) === 'analysis' && i.from === 'telemetry/span-record' && !i.typeOnly)).toEqual([]);
  });
});
