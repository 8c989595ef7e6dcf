/**
 * The bootcamp backend end to end with the real SDK: the manual span sits inside Flask's SERVER span with both
 * attributes, the feed varies but is the same for a seed, and every log line carries the active span's ids.
 */
import { describe, expect, it } from 'vitest';
import { bootcampHarness } from '../../../tests/factories/bootcamp-harness';
import { T0 } from '../../../tests/factories/make-span';
import { buildTraceModel } from '../../telemetry/trace-model';
import type { Activity } from './feed';

describe('the bootcamp backend', () => {
  it('puts the manual span inside the server span, with app.now and app.result_length', async () => {
    const h = bootcampHarness();
    const res = await h.loadHome();
    expect(res.status).toBe(200);
    const feed = JSON.parse(res.body) as Activity[];
    const [traceId] = h.store.traceIds();
    const model = buildTraceModel(h.store.getTrace(traceId!));
    expect(model.rows.map((r) => `${r.depth} ${r.span.serviceName} ${r.span.kind} ${r.span.name}`)).toEqual([
      '0 frontend-react-js CLIENT GET /api/activities/home',
      '1 backend-flask SERVER GET /api/activities/home',
      '2 backend-flask INTERNAL home-activities-mock-data',
    ]);
    const [client, server, manual] = model.rows.map((r) => r.span);
    expect(server!.parentSpanId).toBe(client!.spanId);
    expect(manual!.parentSpanId).toBe(server!.spanId);
    expect(manual!.scope.name).toBe('home.activities');
    expect(server!.scope.name).toBe('opentelemetry.instrumentation.flask');
    expect(manual!.attributes['app.result_length']).toBe(feed.length);
    const now = manual!.attributes['app.now'];
    expect(now).toBe(new Date(manual!.startMs).toISOString());
    expect(Date.parse(String(now))).toBeGreaterThanOrEqual(T0);
    expect(manual!.endMs).toBeLessThanOrEqual(server!.endMs);
  });

  it('returns a plausible feed that varies per request and repeats per seed', async () => {
    const run = async (seed: number) => {
      const h = bootcampHarness(seed);
      const feeds: Activity[][] = [];
      for (let i = 0; i < 8; i++) feeds.push(JSON.parse((await h.loadHome()).body) as Activity[]);
      const durations = h.allSpans().filter((s) => s.kind === 'INTERNAL').map((s) => s.endMs - s.startMs);
      return { feeds, durations };
    };
    const a = await run(3);
    expect((await run(3)).feeds.map((f) => f.map((x) => x.message))).toEqual(a.feeds.map((f) => f.map((x) => x.message)));
    expect((await run(3)).durations).toEqual(a.durations);
    expect((await run(4)).durations).not.toEqual(a.durations);
    expect(new Set(a.feeds.map((f) => f.length)).size).toBeGreaterThan(1);
    for (const feed of a.feeds) {
      expect(feed.length).toBeGreaterThanOrEqual(2);
      for (const item of feed) {
        expect(item.uuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(Date.parse(item.created_at)).toBeLessThan(Date.parse(item.expires_at));
        expect(item.replies_count).toBe(item.replies.length);
      }
      // Newest first, as a timeline shows it.
      expect(feed.map((x) => x.created_at)).toEqual([...feed.map((x) => x.created_at)].sort().reverse());
    }
    expect(Math.max(...a.durations)).toBeGreaterThan(Math.min(...a.durations));
  });

  it('writes log lines that carry the ids of the span active when they were written', async () => {
    const h = bootcampHarness();
    await h.loadHome();
    const spans = h.allSpans();
    const server = spans.find((s) => s.kind === 'SERVER')!;
    const manual = spans.find((s) => s.name === 'home-activities-mock-data')!;
    const lines = h.system.logs.lines;
    expect(lines.map((l) => [l.level, l.logger, l.message])).toEqual([
      ['INFO', 'backend-flask', 'HomeActivities'],
      ['INFO', 'backend-flask', `home-activities-mock-data: ${String(manual.attributes['app.result_length'])} activities`],
    ]);
    expect(lines[0]).toMatchObject({ traceId: server.traceId, spanId: server.spanId });
    expect(lines[1]).toMatchObject({ traceId: manual.traceId, spanId: manual.spanId });
    expect(lines[1]!.timeMs).toBeGreaterThan(lines[0]!.timeMs);
  });
});
