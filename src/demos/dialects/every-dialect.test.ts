import { defaultTextMapGetter, ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { DEMO_DIALECTS } from './demo-dialects';
import { headersInEveryDialect } from './every-dialect';

const CTX = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', traceFlags: TraceFlags.SAMPLED };

describe('one hop in every dialect', () => {
  it('writes the same context six ways, Datadog in decimal with the high half as _dd.p.tid', () => {
    const rows = headersInEveryDialect(CTX, DEMO_DIALECTS);
    expect(rows.map((r) => r.id)).toEqual(['w3c', 'b3-single', 'b3-multi', 'jaeger', 'xray', 'datadog']);
    const byId = Object.fromEntries(rows.map((r) => [r.id, Object.fromEntries(r.headers)]));
    expect(byId['w3c']).toEqual({ traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' });
    expect(byId['b3-single']).toEqual({ b3: '4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-1' });
    expect(byId['jaeger']).toEqual({ 'uber-trace-id': '4bf92f3577b34da6a3ce929d0e0e4736:00f067aa0ba902b7:0:01' });
    expect(byId['xray']).toEqual({ 'x-amzn-trace-id': 'Root=1-4bf92f35-77b34da6a3ce929d0e0e4736;Parent=00f067aa0ba902b7;Sampled=1' });
    expect(byId['datadog']?.['x-datadog-trace-id']).toBe(BigInt('0xa3ce929d0e0e4736').toString());
    expect(byId['datadog']?.['x-datadog-tags']).toBe('_dd.p.tid=4bf92f3577b34da6');
  });

  it('each dialect reads back the context from its own headers', () => {
    for (const row of headersInEveryDialect(CTX, DEMO_DIALECTS)) {
      const dialect = DEMO_DIALECTS.find((d) => d.id === row.id)!;
      const carrier = Object.fromEntries(row.headers);
      expect(trace.getSpanContext(dialect.make().extract(ROOT_CONTEXT, carrier, defaultTextMapGetter)), row.id).toEqual({ ...CTX, isRemote: true });
    }
  });
});
