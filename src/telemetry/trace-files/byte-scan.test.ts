import { describe, expect, it } from 'vitest';
import { syntheticTrace } from '../../../bench/synthetic-trace';
import { scanTraceBytes } from './byte-scan';
import { toOtlpJson } from './otlp-json-out';
import type { SpanRecord } from '../span-record';
import { countOf, firstHalfBytes, type HalfResult, joinHalves, MAX_NESTING, readOtlpHalf, readTraceFileBytes, type TraceFileResult } from './read-trace-file';
import { createSpanDecoder } from './span-columns';

const bytesOf = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A half's spans, decoded from its columns as the page decodes them (one decoder per worker). */
function spansOf(half: HalfResult): SpanRecord[] {
  if (!half.ok) return [];
  const decoder = createSpanDecoder();
  return half.chunks.flatMap((c) => decoder.decode(c));
}

/** Read a file in two halves at the first cut at or after `from`, as the two workers do; null: no cut there. */
function readInHalves(text: string, from: number, maxSpans?: number): TraceFileResult | null {
  const bytes = bytesOf(text);
  const { cut } = scanTraceBytes(bytes, MAX_NESTING, from);
  if (cut === null) return null;
  const first = readOtlpHalf(firstHalfBytes(bytes, cut), { resource: 0, scope: 0, span: 0 }, { chunk: 100, maxSpans });
  // As the partner reads it: the one-pass reader only, which is what checks the half after the cut.
  const second = readOtlpHalf(bytesOf(cut.opening + new TextDecoder().decode(bytes.subarray(cut.at + 1))), cut, { chunk: 100, maxSpans, fastOnly: true });
  const joined = joinHalves(countOf(first), countOf(second), maxSpans);
  if (joined === null) return readTraceFileBytes(bytes, maxSpans);
  if (!joined.ok) return joined as TraceFileResult;
  const spans = spansOf(first).concat(spansOf(second));
  return { ok: true, format: 'OTLP/JSON', spans, traceIds: [...new Set(spans.map((s) => s.traceId))] };
}

/** A small OTLP/JSON file by hand: one resource of `spans` (JSON texts of span objects), `extra` fields after. */
const span = (id: number, more = ''): string =>
  `{"traceId":"${'a'.repeat(32)}","spanId":"${id.toString(16).padStart(16, '0')}","name":"s${id}","kind":2,"startTimeUnixNano":"${1_700_000_000_000_000_000 + id}","endTimeUnixNano":"${1_700_000_000_100_000_000 + id}"${more}}`;
const resource = (service: string): string => `"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"${service}"}}]}`;

describe('cutting an OTLP/JSON file in two', () => {
  // 3,000 spans of 12 services: twelve resources, each with one scope.
  const text = toOtlpJson(syntheticTrace(3_000, 4, 'c'.repeat(32)));
  const whole = readTraceFileBytes(bytesOf(text));

  it('reads, wherever it cuts, the spans the whole file gives, in the same order', () => {
    expect(whole.ok).toBe(true);
    const cuts = new Set<number>();
    for (const fraction of [0, 0.1, 0.33, 0.5, 0.77, 0.95]) {
      const from = Math.floor(text.length * fraction);
      const { cut } = scanTraceBytes(bytesOf(text), MAX_NESTING, from);
      expect(cut, `a cut from ${fraction}`).not.toBeNull();
      cuts.add(cut!.at);
      expect(readInHalves(text, from)).toEqual(whole);
    }
    expect(cuts.size).toBe(6);
  });

  it('cuts at the first comma between two spans at or after the offset, and says where the second half starts', () => {
    const file = `{"resourceSpans":[{${resource('web')},"scopeSpans":[{"scope":{"name":"x"},"spans":[${span(1)},${span(2)},${span(3)}]}]}]}`;
    const from = file.indexOf(span(2));
    const { cut } = scanTraceBytes(bytesOf(file), MAX_NESTING, from);
    expect(cut).toMatchObject({ at: from + span(2).length, resource: 0, scope: 0, span: 2 });
    expect(cut!.opening).toBe(`{"resourceSpans":[{${resource('web')},"scopeSpans":[{"scope":{"name":"x"},"spans":[`);
  });

  it('stops at the cut, and leaves nesting after it to the second half, which then has the whole file read', () => {
    const deep = `{"resourceSpans":[{"scopeSpans":[{"spans":[${span(1)},${span(2)}]}]}],"x":${'['.repeat(300)}${']'.repeat(300)}}`;
    const scan = scanTraceBytes(bytesOf(deep), MAX_NESTING, 0);
    expect(scan.cut).not.toBeNull();
    expect(scan.depth).toBe(7);
    expect(readInHalves(deep, 0)).toEqual({ ok: false, message: expect.stringContaining('nests more than 200 levels') });
  });

  it('names the whole file’s places in messages from either half', () => {
    const doc = JSON.parse(text) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<Record<string, unknown>> }> }> };
    const last = doc.resourceSpans.length - 1;
    const spans = doc.resourceSpans[last]!.scopeSpans[0]!.spans;
    spans[spans.length - 2]!['spanId'] = 'not hex';
    doc.resourceSpans[1]!.scopeSpans[0]!.spans[3]!['endTimeUnixNano'] = '1';
    const bad = JSON.stringify(doc);
    const expected = readTraceFileBytes(bytesOf(bad));
    expect(expected).toMatchObject({ ok: false, message: expect.stringContaining('resourceSpans[1].scopeSpans[0].spans[3]') });
    // Cut before the first problem, between the two, and after both: the first in file order is told each time.
    for (const fraction of [0, 0.5, 0.9]) expect(readInHalves(bad, Math.floor(bad.length * fraction))).toEqual(expected);
    // Only the later problem left: a cut before it still names its place in the whole file.
    doc.resourceSpans[1]!.scopeSpans[0]!.spans[3]!['endTimeUnixNano'] = doc.resourceSpans[1]!.scopeSpans[0]!.spans[3]!['startTimeUnixNano'];
    const later = JSON.stringify(doc);
    const message = `resourceSpans[${last}].scopeSpans[0].spans[${spans.length - 2}]`;
    for (const fraction of [0, 0.5]) {
      expect(readInHalves(later, Math.floor(later.length * fraction))).toMatchObject({ ok: false, message: expect.stringContaining(message) });
      expect(readInHalves(later, Math.floor(later.length * fraction))).toEqual(readTraceFileBytes(bytesOf(later)));
    }
  });

  it('names the place of a bad span just after the cut, counting the spans before it', () => {
    const from = text.length >>> 1;
    const cut = scanTraceBytes(bytesOf(text), MAX_NESTING, from).cut!;
    expect(cut.span).toBeGreaterThan(0);
    const doc = JSON.parse(text) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<Record<string, unknown>> }> }> };
    doc.resourceSpans[cut.resource]!.scopeSpans[cut.scope]!.spans[cut.span + 1]!['spanId'] = 'not hex';
    const bad = JSON.stringify(doc);
    const expected = readTraceFileBytes(bytesOf(bad));
    expect(expected).toMatchObject({ ok: false, message: expect.stringContaining(`resourceSpans[${cut.resource}].scopeSpans[${cut.scope}].spans[${cut.span + 1}]`) });
    expect(scanTraceBytes(bytesOf(bad), MAX_NESTING, from).cut).toMatchObject({ at: cut.at });
    expect(readInHalves(bad, from)).toEqual(expected);
  });

  it('counts the span cap over both halves, as the whole file does', () => {
    for (const max of [1_000, 2_999, 3_000]) {
      const expected = readTraceFileBytes(bytesOf(text), max);
      expect(expected.ok).toBe(max === 3_000);
      for (const fraction of [0.1, 0.5, 0.9]) expect(readInHalves(text, Math.floor(text.length * fraction), max)).toEqual(expected);
    }
  });

  it('reads a file that is not JSON whole, for the parser’s own message', () => {
    // A semicolon for a colon, late in the file: the second half is not JSON.
    const at = text.indexOf('"name":"', Math.floor(text.length * 0.8)) + '"name"'.length;
    const broken = `${text.slice(0, at)};${text.slice(at + 1)}`;
    expect(scanTraceBytes(bytesOf(broken), MAX_NESTING, Math.floor(text.length * 0.3)).cut).not.toBeNull();
    const expected = readTraceFileBytes(bytesOf(broken));
    expect(expected).toMatchObject({ ok: false, message: expect.stringMatching(/^The file is not JSON/) });
    expect(readInHalves(broken, Math.floor(text.length * 0.3))).toEqual(expected);
  });

  it('reads the old instrumentationLibrarySpans the same way in halves', () => {
    const old = text.replaceAll('"scopeSpans"', '"instrumentationLibrarySpans"').replaceAll('"scope":', '"instrumentationLibrary":');
    const expected = readTraceFileBytes(bytesOf(old));
    expect(expected.ok).toBe(true);
    const { cut } = scanTraceBytes(bytesOf(old), MAX_NESTING, old.length >>> 1);
    expect(cut!.opening).toContain('"instrumentationLibrarySpans":[{"instrumentationLibrary":{');
    expect(readInHalves(old, old.length >>> 1)).toEqual(expected);
  });

  // Files whose halves would not read as the whole does, or would be JSON when the whole is not: never cut.
  const wrap = (inner: string, tail = ''): string => `{"resourceSpans":[{${resource('web')},"scopeSpans":[{"scope":{"name":"x"},"spans":[${inner}]}]${tail}}]}`;
  const three = `${span(1)},${span(2)},${span(3)}`;
  it.each([
    ['scopeSpans beside the instrumentationLibrarySpans cut', `{"resourceSpans":[{"scopeSpans":[],"instrumentationLibrarySpans":[{"spans":[${three}]}]}]}`],
    ['two resourceSpans keys before the cut', `{"resourceSpans":[],"resourceSpans":[{"scopeSpans":[{"spans":[${three}]}]}]}`],
    ['a path key with an escape', `{"resourceSpans":[{"scopeSpans":[{"sp\\u0061ns":[],"spans":[${three}]}]}]}`],
    ['a trailing comma', wrap(`${span(1)},`)],
    ['a span that is not an object', wrap(`${span(1)},7`)],
    ['an array of spans, not OTLP', `[${three}]`],
    ['a file whose first key is not resourceSpans', `{"x":1,"resourceSpans":[{"scopeSpans":[{"spans":[${three}]}]}]}`],
    ['a cut offset past every comma', wrap(span(1))],
  ])('does not cut %s', (_name, file) => {
    expect(scanTraceBytes(bytesOf(file), MAX_NESTING, 0).cut).toBeNull();
  });

  // Cut, but the second half's reader gives up where a key the opening holds comes again: the whole file is read.
  it.each([
    ['a resource after the spans', wrap(three, `,${resource('late')}`)],
    ['a scope after the spans', `{"resourceSpans":[{"scopeSpans":[{"spans":[${three}],"scope":{"name":"late"}}]}]}`],
    ['a second scopeSpans in the resource', wrap(three, ',"scopeSpans":[]')],
    ['two resourceSpans keys', `${wrap(three).slice(0, -1)},"resourceSpans":[]}`],
    ['a second spans list in the scope', wrap(three).replace(']}]}]}', '],"spans":[]}]}]}')],
  ])('reads whole a file with %s after the cut', (_name, file) => {
    const { cut } = scanTraceBytes(bytesOf(file), MAX_NESTING, 0);
    expect(cut).not.toBeNull();
    const second = readOtlpHalf(bytesOf(cut!.opening + file.slice(cut!.at + 1)), cut!, { chunk: 100, fastOnly: true });
    expect(second).toEqual({ ok: false, json: false });
    expect(readInHalves(file, 0)).toEqual(readTraceFileBytes(bytesOf(file)));
  });

  it('does cut when those keys come before the spans, or elsewhere', () => {
    const file = wrap(three);
    expect(scanTraceBytes(bytesOf(file), MAX_NESTING, 0).cut).not.toBeNull();
    // A later resource's keys are its own, and keys deeper in a span are not the path's.
    const two = `{"resourceSpans":[{"scopeSpans":[{"spans":[${three}]}]},{${resource('db')},"scopeSpans":[{"spans":[${span(4, ',"attributes":[{"key":"resource","value":{"stringValue":"spans"}}]')}]}]}]}`;
    const { cut } = scanTraceBytes(bytesOf(two), MAX_NESTING, 0);
    expect(cut).toMatchObject({ resource: 0, scope: 0, span: 1 });
    expect(readInHalves(two, 0)).toEqual(readTraceFileBytes(bytesOf(two)));
  });

  it('measures nesting inside spans, strings and escapes and all, as a plain count of brackets does', () => {
    // The plain count: brackets outside strings, a backslash escaping the next character.
    const plainDepth = (text: string): number => {
      let depth = 0;
      let max = 0;
      let inString = false;
      for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (inString) {
          if (c === '\\') i++;
          else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === '{' || c === '[') max = Math.max(max, ++depth);
        else if (c === '}' || c === ']') depth--;
      }
      return max;
    };
    const odd = [',"name":"a\\"]]]}"', ',"n":"\\\\"', ',"deep":[[[{"x":["]"]}]]]', ',"e":"é[ü{\\u005b"', `,"x":${'['.repeat(150)}${']'.repeat(150)}`];
    for (const more of odd) {
      const file = wrap(`${span(1)},${span(2, more)},${span(3)}`);
      expect(scanTraceBytes(bytesOf(file), MAX_NESTING).depth, more).toBe(plainDepth(file));
      // The comma before span 3, in bytes (é and ü are two each).
      const comma = bytesOf(file.slice(0, file.indexOf(span(3)) - 1)).length;
      expect(scanTraceBytes(bytesOf(file), MAX_NESTING, comma).cut?.at, more).toBe(comma);
    }
    // Past the cap inside a span: refused, whether a cut is looked for or not.
    const deep = wrap(`${span(1, `,"x":${'['.repeat(300)}${']'.repeat(300)}`)},${span(2)}`);
    expect(scanTraceBytes(bytesOf(deep), MAX_NESTING).depth).toBe(MAX_NESTING + 1);
    expect(scanTraceBytes(bytesOf(deep), MAX_NESTING, 0)).toEqual({ depth: MAX_NESTING + 1, cut: null });
  });

  it('still measures nesting as the plain scan does, and stops past the limit', () => {
    expect(scanTraceBytes(bytesOf('{"a":"[[[[\\"[["}'), MAX_NESTING).depth).toBe(1);
    expect(scanTraceBytes(bytesOf(`${'['.repeat(300_000)}${']'.repeat(300_000)}`), MAX_NESTING).depth).toBe(MAX_NESTING + 1);
    // Looking for a cut, it still stops past the limit before one.
    expect(scanTraceBytes(bytesOf(`{"resourceSpans":${'['.repeat(300_000)}${']'.repeat(300_000)}}`), MAX_NESTING, 0)).toEqual({ depth: MAX_NESTING + 1, cut: null });
  });
});
