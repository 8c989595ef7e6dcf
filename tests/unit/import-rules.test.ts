/**
 * The architecture's one-way imports, read from the source: sim knows only the OTel API; viz knows only the trace
 * model's types; only telemetry touches the OTel SDK; only deck touches reveal.js and mermaid; nothing imports deck
 * or main. Test files may reach further (a viz test may build real SDK spans), so they are left out.
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

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every static and dynamic import of every source file, with the module it names resolved against `src/`. */
function imports(): Import[] {
  return sourceFiles(SRC).flatMap((path) => {
    const file = relative(SRC, path);
    const text = readFileSync(path, 'utf8');
    const found: Import[] = [];
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
const isSdk = (from: string): boolean => from.startsWith('@opentelemetry/') && from !== '@opentelemetry/api';
const broken = (rule: (i: Import) => boolean): string[] => imports().filter(rule).map((i) => `${i.file} → ${i.from}`);

describe('imports go one way', () => {
  it('finds the imports it checks', () => {
    const all = imports();
    expect(all.length).toBeGreaterThan(200);
    expect(all.some((i) => i.file.startsWith('sim/') && i.from === '@opentelemetry/api')).toBe(true);
    expect(all.some((i) => i.file.startsWith('deck/') && i.from === 'reveal.js')).toBe(true);
  });

  it('sim imports only sim and the OTel API', () => {
    expect(broken((i) => layer(i.file) === 'sim' && !i.from.startsWith('sim/') && i.from !== '@opentelemetry/api')).toEqual([]);
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

  it('only deck imports reveal.js and mermaid, and nothing imports deck or main', () => {
    expect(broken((i) => /^(reveal\.js|mermaid)(\/|$)/.test(i.from) && layer(i.file) !== 'deck')).toEqual([]);
    expect(broken((i) => layer(i.from) === 'deck' && layer(i.file) !== 'deck' && i.file !== 'main.ts')).toEqual([]);
    expect(broken((i) => i.from === 'main')).toEqual([]);
  });

  it('analysis imports only analysis and the span record types', () => {
    expect(broken((i) => layer(i.file) === 'analysis' && !i.from.startsWith('analysis/') && i.from !== 'telemetry/span-record')).toEqual([]);
    expect(broken((i) => layer(i.file) === 'analysis' && i.from === 'telemetry/span-record' && !i.typeOnly)).toEqual([]);
  });
});
