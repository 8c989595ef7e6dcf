/**
 * The mapping on real SDK spans from the matchmaker: every OTel value a row shows must be what the real OTLP/JSON
 * serializer writes for that span, and the debug side must say the same facts.
 */
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { describe, expect, it } from 'vitest';
import { matchmakerHarness } from '../factories/matchmaker-harness';
import type { SpanRecord } from '../../src/telemetry/span-record';
import { anatomyRows, type AnatomyRow } from '../../src/viz/span-anatomy/span-anatomy-rows';

type AnyValue = Record<string, unknown>;
type KeyValue = { key: string; value: AnyValue };
type OtlpSpan = Record<string, unknown> & { spanId: string; attributes: KeyValue[]; events: Array<{ attributes: KeyValue[] } & AnyValue> };

/** Unwraps OTLP's `{stringValue}` / `{intValue}` / … to the plain value the anatomy shows. */
const plain = (v: AnyValue): unknown => Object.values(v)[0];

/** Reads `path` (as rows write it) out of the exported span and its resource. */
function resolve(span: OtlpSpan, resource: KeyValue[], path: string): unknown {
  const attr = (list: KeyValue[], key: string) => plain(list.find((kv) => kv.key === key)!.value);
  let m = /^resource\.attributes\["(.+)"\]$/.exec(path);
  if (m) return attr(resource, m[1]!);
  m = /^attributes\["(.+)"\]$/.exec(path);
  if (m) return attr(span.attributes, m[1]!);
  m = /^events\[(\d+)\]\.(?:attributes\["(.+)"\]|(\w+))$/.exec(path);
  if (m) return m[2] ? attr(span.events[Number(m[1])]!.attributes, m[2]) : span.events[Number(m[1])]![m[3]!];
  m = /^status\.(\w+)$/.exec(path);
  if (m) return (span['status'] as AnyValue)[m[1]!];
  return span[path];
}

async function tracesOf(path: string, faults: { down?: string[]; failing?: string[] } = {}) {
  const exporter = new InMemorySpanExporter();
  const h = matchmakerHarness(42, { extraProcessors: [new SimpleSpanProcessor(exporter)] });
  h.system.faults.set(faults);
  await h.get(path);
  const body = JSON.parse(new TextDecoder().decode(JsonTraceSerializer.serializeRequest(exporter.getFinishedSpans())!)) as {
    resourceSpans: Array<{ resource: { attributes: KeyValue[] }; scopeSpans: Array<{ spans: OtlpSpan[] }> }>;
  };
  const exported = body.resourceSpans.flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((span) => ({ span, resource: rs.resource.attributes }))));
  return { records: h.allSpans(), exported };
}

const byKey = (rows: AnatomyRow[], key: string) => rows.find((r) => r.key === key);
const debug = (rows: AnatomyRow[], field: string) => rows.find((r) => r.debugField === field)?.debugValue;

function expectAgreesWithOtlp(records: readonly SpanRecord[], exported: Awaited<ReturnType<typeof tracesOf>>['exported']): void {
  expect(records.length).toBe(exported.length);
  for (const record of records) {
    const { span, resource } = exported.find((e) => e.span.spanId === record.spanId)!;
    for (const row of anatomyRows(record)) {
      if (row.otelPath) expect(row.otelValue, `${record.name} ${row.otelPath}`).toBe(JSON.stringify(resolve(span, resource, row.otelPath)));
    }
  }
}

describe('anatomyRows on real spans', () => {
  it('GET /beers/ipa: every OTel value is what the OTLP/JSON exporter writes, and the debug side agrees', async () => {
    const { records, exported } = await tracesOf('/beers/ipa');
    expectAgreesWithOtlp(records, exported);
    const server = records.find((s) => s.kind === 'SERVER')!;
    const rows = anatomyRows(server);
    expect(debug(rows, 'id')).toBe(BigInt(`0x${server.spanId}`).toString());
    expect(debug(rows, 'trace_id')).toBe(BigInt(`0x${server.traceId.slice(16)}`).toString());
    expect(debug(rows, 'parent_id')).toBe('None');
    expect(debug(rows, 'service')).toBe('web');
    expect(debug(rows, 'resource')).toBe('GET /beers/{name}');
    expect(debug(rows, 'type')).toBe('http');
    expect(debug(rows, 'error')).toBe('0');
    expect(debug(rows, 'tags.http.status_code')).toBe('200');
    expect(byKey(rows, 'attr:http.response.status_code')?.otelPath).toBe('attributes["http.response.status_code"]');
    const sql = anatomyRows(records.find((s) => s.attributes['db.system.name'] === 'postgresql')!);
    expect(debug(sql, 'type')).toBe('sql');
    expect(debug(sql, 'parent_id')).not.toBe('None');
    expect(debug(sql, 'resource')).toBe('SELECT name, label, style, abv, ibu FROM beers WHERE name = $1');
  });

  it('with the database down: error 1, status ERROR, and the exception as error.type/msg/stack', async () => {
    const { records, exported } = await tracesOf('/beers/ipa', { down: ['db'] });
    expectAgreesWithOtlp(records, exported);
    for (const span of [records.find((s) => s.kind === 'SERVER')!, records.find((s) => s.attributes['db.system.name'])!]) {
      const rows = anatomyRows(span);
      expect(debug(rows, 'error')).toBe('1');
      expect(byKey(rows, 'error')).toMatchObject({ otelPath: 'status.code', otelValue: '2', otelHint: 'STATUS_CODE_ERROR' });
      // web is the workshop's Flask app: the exception is psycopg2's, its stack a Python traceback ending in the raise.
      expect(debug(rows, 'tags.error.type')).toBe('psycopg2.OperationalError');
      expect(debug(rows, 'tags.error.msg')).toBe('connect ECONNREFUSED db:5432');
      expect(debug(rows, 'tags.error.stack')).toMatch(/^Traceback \(most recent call last\):\n[\s\S]*psycopg2\/__init__\.py", line \d+, in connect\n[\s\S]*\npsycopg2\.OperationalError: connect ECONNREFUSED db:5432$/);
      expect(debug(rows, 'tags.error.stack')).not.toMatch(/\.js\b|<anonymous>/);
      if (span.kind === 'SERVER') expect(debug(rows, 'tags.error.stack')).toMatch(/\/app\/web\/app\.py", line \d+, in beer\n/);
      expect(byKey(rows, 'exception:exception.stacktrace')?.otelPath).toMatch(/^events\[0\]\.attributes\["exception.stacktrace"\]$/);
      // The semantic-convention attribute error.type stays on the OTel side only: the tag comes from the exception.
      expect(byKey(rows, 'attr:error.type')?.debugField).toBeUndefined();
    }
  });

  it('a pairing with taster failing: taster spans carry the injected fault', async () => {
    const { records, exported } = await tracesOf('/pair/beer?name=ipa', { failing: ['taster'] });
    expectAgreesWithOtlp(records, exported);
    const taster = records.find((s) => s.serviceName === 'taster')!;
    const rows = anatomyRows(taster);
    expect(debug(rows, 'service')).toBe('taster');
    expect(debug(rows, 'error')).toBe('1');
    expect(debug(rows, 'tags.error.msg')).toMatch(/^injected fault: taster failed/);
  });
});

describe('anatomyRows, by shape', () => {
  it('lists the debug fields in the workshop order, then tags by name', async () => {
    const { records } = await tracesOf('/beers/ipa');
    const fields = anatomyRows(records.find((s) => s.kind === 'SERVER')!).flatMap((r) => (r.debugField ? [r.debugField] : []));
    expect(fields.slice(0, 11)).toEqual(['name', 'id', 'trace_id', 'parent_id', 'service', 'resource', 'type', 'start', 'end', 'duration', 'error']);
    const tags = fields.slice(11);
    expect(tags.every((t) => t.startsWith('tags.'))).toBe(true);
    expect(tags).toEqual([...tags].sort());
    expect(tags).toEqual(expect.arrayContaining(['tags.env', 'tags.version', 'tags.http.method', 'tags.http.route']));
  });
});
