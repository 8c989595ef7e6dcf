/**
 * The text exporter against the SDK's own ConsoleSpanExporter: the same fields in the same order for the same span,
 * printed in Node's layout, through a real SimpleSpanProcessor in a real provider.
 */
import { SpanKind } from '@opentelemetry/api';
import { ConsoleSpanExporter, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { consoleExportInfo, createTextExportProcessor, type ExportedSpanText } from './text-span-exporter';

afterEach(() => vi.restoreAllMocks());

function provider(...spanProcessors: SimpleSpanProcessor[] | ReturnType<typeof createTextExportProcessor>[]) {
  return new BasicTracerProvider({ resource: resourceFromAttributes({ 'service.name': 'fizzer' }), spanProcessors });
}

describe('text span exporter', () => {
  it('exports what ConsoleSpanExporter prints, field for field', async () => {
    const memory = new InMemorySpanExporter();
    const tracer = provider(new SimpleSpanProcessor(memory)).getTracer('t', '1.0.0');
    const span = tracer.startSpan('GET /fizz', { kind: SpanKind.SERVER, startTime: 1_700_000_000_000, attributes: { 'app.n': 15 } });
    span.addEvent('read', { ok: true }, 1_700_000_000_010);
    span.end(1_700_000_000_040.5);
    const [readable] = memory.getFinishedSpans();
    const dir = vi.spyOn(console, 'dir').mockImplementation(() => undefined);
    await new Promise<void>((resolve) => new ConsoleSpanExporter().export([readable!], () => resolve()));
    expect(dir).toHaveBeenCalledTimes(1);
    const [printed, options] = dir.mock.calls[0]!;
    expect(options).toEqual({ depth: 3 });
    expect(consoleExportInfo(readable!)).toEqual(printed);
    expect(Object.keys(consoleExportInfo(readable!))).toEqual(Object.keys(printed as object));
  });

  it('hands each span, as text, to the callback the moment it ends', () => {
    const seen: ExportedSpanText[] = [];
    const tracer = provider(createTextExportProcessor((e) => seen.push(e))).getTracer('tracing-deck/sim', '1.0.0');
    const span = tracer.startSpan('load rule', { startTime: 1_700_000_000_000 });
    expect(seen).toHaveLength(0);
    span.end(1_700_000_000_038);
    expect(seen).toHaveLength(1);
    const [{ text, name, serviceName, spanId }] = seen as [ExportedSpanText];
    expect({ name, serviceName, spanId }).toEqual({ name: 'load rule', serviceName: 'fizzer', spanId: span.spanContext().spanId });
    const lines = text.split('\n');
    expect(lines[0]).toBe('{');
    expect(lines).toContain("  name: 'load rule',");
    expect(lines).toContain(`  id: '${spanId}',`);
    expect(lines).toContain('  kind: 0,');
    expect(lines).toContain('  timestamp: 1700000000000000,');
    expect(lines).toContain('  duration: 38000,');
    expect(text).toMatch(/resource: \{\n {4}attributes: \{ 'service\.name': 'fizzer' \}|resource: \{ attributes: \{ 'service\.name': 'fizzer' \} \}/);
    expect(lines[lines.length - 1]).toBe('}');
  });
});
