/**
 * `web`: the matchmaker's front service. Catalogue routes read SQL (and DonutDB for the fast-changing facts); the
 * pairing route asks `taster` about every fresh donut, one after another, which is the slowness the trace explains.
 */
import { SpanStatusCode, trace } from '@opentelemetry/api';
import type { HttpClient } from '../http-client';
import { jsonResponse, type SimResponse } from '../http';
import { HttpError, SimService, type RouteContext, type ServiceOptions } from '../service';
import type { SqlClient } from '../sql-database';
import type { Instrumentation } from '../instrumentation';
import type { DonutDB } from './donut-db';
import type { HandTiming } from './hand-timing';
import type { ScoreCache } from './score-cache';
import { TASTER_PORT } from './taster';
import type { Tuning } from './tuning';
import { WorkerPool } from '../worker-pool';

export const WEB_PORT = 5000;

export interface WebDeps {
  readonly sql: SqlClient;
  readonly donutDb: DonutDB;
  readonly http: HttpClient;
  readonly timing: HandTiming;
  readonly instrumentation: Instrumentation;
  /** The performance fixes switched on (none by default). */
  readonly tuning: Tuning;
  readonly scores: ScoreCache;
}

/** One candidate's result. */
interface Tasted {
  readonly donut: string;
  readonly score: number;
}

/** The span event of each chunk a streamed pairing writes, and the root's time to its first byte. */
export const CHUNK_EVENT = 'response.chunk';
export const ATTR_FIRST_CHUNK_MS = 'app.response.first_chunk_ms';

/** What the onboarding exercise's broken deploy throws from the pairing route. */
class PairingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PairingError';
  }
}

const BEER_COLUMNS = ['name', 'label', 'style', 'abv', 'ibu'] as const;
const DONUT_COLUMNS = ['name', 'label', 'dough', 'price_cents'] as const;

export function createWeb(opts: Omit<ServiceOptions, 'name' | 'host' | 'port'>, deps: WebDeps): SimService {
  const { sql, donutDb, http, timing, instrumentation, tuning, scores } = deps;
  const { clock } = opts;
  // The client-side cap on concurrent tastings (HotROD's worker pool): one pool for the service, as HotROD has.
  const tastingPool = new WorkerPool();
  const { route, op } = timing;
  const service = new SimService({ ...opts, name: 'web', host: 'web', port: WEB_PORT });

  service.route('GET', '/', async () =>
    jsonResponse(200, {
      service: 'matchmaker',
      routes: ['/beers', '/donuts', '/beers/{name}', '/donuts/{name}', '/pair/beer?name={beer}'],
    }),
  );
  service.route(
    'GET',
    '/beers',
    route('beers', async (ctx) => jsonResponse(200, { beers: await op(ctx, 'beers.query', () => sql.select('beers', BEER_COLUMNS)) })),
  );
  service.route(
    'GET',
    '/donuts',
    route('donuts', async (ctx) => jsonResponse(200, { donuts: await op(ctx, 'donuts.query', () => sql.select('donuts', DONUT_COLUMNS)) })),
  );
  service.route(
    'GET',
    '/beers/{name}',
    route('beer', async (ctx) => {
      const name = ctx.params['name']!;
      const [beer] = await op(ctx, 'beer.query', () => sql.select('beers', BEER_COLUMNS, { column: 'name', value: name }));
      if (!beer) throw new HttpError(404, `no beer named '${name}'`);
      return jsonResponse(200, beer);
    }),
  );
  service.route(
    'GET',
    '/donuts/{name}',
    route('donut', async (ctx) => {
      const name = ctx.params['name']!;
      const [donut] = await op(ctx, 'donut.query', () => sql.select('donuts', DONUT_COLUMNS, { column: 'name', value: name }));
      if (!donut) throw new HttpError(404, `no donut named '${name}'`);
      const today = await op(ctx, 'donut.today', () => donutDb.opinion(donut['name'] as string));
      return jsonResponse(200, { ...donut, ...today });
    }),
  );
  service.route('GET', '/pair/beer', route('pair', (ctx) => pair(ctx)));

  async function pair(ctx: RouteContext): Promise<SimResponse> {
    const name = ctx.query.get('name');
    if (!name) throw new HttpError(400, 'missing query parameter: name');
    // #region step-tag
    if (instrumentation.current.tagBeer) {
      ctx.span.setAttribute('beer', name);
    }
    // #endregion
    const [beer] = await op(ctx, 'beer.query', () => sql.select('beers', ['name', 'style'], { column: 'name', value: name }));
    if (!beer) throw new HttpError(404, `no beer named '${name}'`);
    const donuts = await op(ctx, 'donuts.query', () => sql.select('donuts', ['name']));
    const fresh = new Set(await op(ctx, 'donuts.fresh', () => donutDb.freshDonuts()));
    const candidates = donuts.map((d) => d['name'] as string).filter((d) => fresh.has(d));
    // #region step-error
    if (instrumentation.current.failPairing) {
      const why = 'the scoring table came back empty';
      const message = `could not pair '${name}': ${why}`;
      throw new PairingError(message);
    }
    // #endregion
    const tuned = tuning.current;
    const plain = !tuned.parallel && !tuned.batch && !tuned.cache && !tuned.chunked;
    return op(ctx, 'match', () => (plain ? bestMatch(name, candidates) : tunedMatch(ctx, name, candidates)));
  }

  const tasteUrl = (beer: string, donut: string) =>
    `http://taster:${TASTER_PORT}/taste?beer=${encodeURIComponent(beer)}&donut=${encodeURIComponent(donut)}`;

  async function tasteOne(beer: string, donut: string): Promise<Tasted> {
    const response = await http.get(tasteUrl(beer, donut), { template: '/taste' });
    if (response.status !== 200) throw new Error(`taster answered ${response.status}`);
    return { donut, score: (JSON.parse(response.body) as { score: number }).score };
  }

  async function tasteBatch(beer: string, donuts: readonly string[]): Promise<Tasted[]> {
    const url = `http://taster:${TASTER_PORT}/taste/batch?beer=${encodeURIComponent(beer)}&donuts=${donuts.map(encodeURIComponent).join(',')}`;
    const response = await http.get(url, { template: '/taste/batch' });
    if (response.status !== 200) throw new Error(`taster answered ${response.status}`);
    return (JSON.parse(response.body) as { scores: Tasted[] }).scores;
  }

  /**
   * The pairing with the switched-on fixes: scores from the cache first, the misses tasted (in one batch, all at
   * once under an optional pool, or one after another), each score written as a chunk when it is known if the
   * response streams, and what taster said cached for next time.
   */
  async function tunedMatch(ctx: RouteContext, name: string, candidates: readonly string[]): Promise<SimResponse> {
    const t = tuning.current;
    const tasted: Tasted[] = [];
    const failed: string[] = [];
    let chunks = 0;
    const got = (result: Tasted): void => {
      tasted.push(result);
      if (!t.chunked) return;
      // A streamed response: this score leaves now, as one chunk; the first one is the client's first byte.
      if (chunks === 0) ctx.span.setAttribute(ATTR_FIRST_CHUNK_MS, Math.round((clock.now() - ctx.startMs) * 10) / 10);
      chunks++;
      ctx.span.addEvent(CHUNK_EVENT, { 'app.chunk.index': chunks, 'app.chunk.donut': result.donut }, clock.now());
    };
    let misses = [...candidates];
    if (t.cache) {
      const looked = await lookUp(name, candidates, t.parallel);
      misses = [];
      looked.forEach((hit, i) => {
        if (hit) got({ donut: candidates[i]!, score: hit.score });
        else misses.push(candidates[i]!);
      });
    }
    const fresh: Tasted[] = [];
    const keep = (r: Tasted): void => {
      fresh.push(r);
      got(r);
    };
    if (misses.length > 0 && t.batch) {
      try {
        (await tasteBatch(name, misses)).forEach(keep);
      } catch {
        failed.push(...misses);
      }
    } else if (t.parallel) {
      await Promise.all(
        misses.map((donut) =>
          tastingPool.run(t.workerPool, () => tasteOne(name, donut)).then(keep, () => {
            failed.push(donut);
          }),
        ),
      );
    } else {
      for (const donut of misses) {
        try {
          keep(await tasteOne(name, donut));
        } catch {
          failed.push(donut);
        }
      }
    }
    if (t.cache && fresh.length > 0) {
      const store = (r: Tasted) => scores.put(name, r.donut, r.score, t.cacheTtlMs);
      if (t.parallel || t.batch) await Promise.all(fresh.map(store));
      else for (const r of fresh) await store(r);
    }
    if (tasted.length === 0) return noneTasted(name, failed);
    const best = tasted.reduce((a, b) => (b.score > a.score ? b : a));
    const body = { beer: name, match: best.donut, score: best.score, tasted: tasted.length, ...(failed.length ? { failed } : {}) };
    if (!t.chunked) return jsonResponse(200, body);
    // The streamed body: one JSON line per score as it was sent, then the verdict.
    const lines = [...tasted.map((r) => JSON.stringify(r)), JSON.stringify(body)];
    return { status: 200, headers: { 'content-type': 'application/x-ndjson', 'transfer-encoding': 'chunked' }, body: `${lines.join('\n')}\n` };
  }

  /** The cached scores of the candidates, in their order (undefined for a miss): one GET each, at once or in turn. */
  async function lookUp(name: string, candidates: readonly string[], atOnce: boolean) {
    if (atOnce) return Promise.all(candidates.map((d) => scores.get(name, d).catch(() => undefined)));
    const found = [];
    for (const d of candidates) found.push(await scores.get(name, d).catch(() => undefined));
    return found;
  }

  /**
   * Nothing could be tasted: the pairing fails in `match`. From step 6 on that operation has its own span (the active
   * one here), marked in error so the red marks climb from the failed calls through it to the root, as the reading
   * slide teaches; before step 6 the active span is the request's own, which the 502 marks already.
   */
  function noneTasted(name: string, failed: readonly string[]): SimResponse {
    const why = 'no candidate could be tasted';
    if (instrumentation.atLeast(6)) trace.getActiveSpan()?.setStatus({ code: SpanStatusCode.ERROR, message: why });
    return jsonResponse(502, { error: why, beer: name, failed });
  }

  async function bestMatch(name: string, candidates: readonly string[]): Promise<SimResponse> {
    // The slow part, on purpose: one taster call per candidate, each waiting for the last.
    const tasted: Array<{ donut: string; score: number }> = [];
    const failed: string[] = [];
    for (const donut of candidates) {
      const url = `http://taster:${TASTER_PORT}/taste?beer=${encodeURIComponent(name)}&donut=${encodeURIComponent(donut)}`;
      try {
        const response = await http.get(url, { template: '/taste' });
        if (response.status !== 200) throw new Error(`taster answered ${response.status}`);
        tasted.push({ donut, score: (JSON.parse(response.body) as { score: number }).score });
      } catch {
        failed.push(donut); // the client span already records why; a pairing can still succeed without this one
      }
    }
    if (tasted.length === 0) return noneTasted(name, failed);
    const best = tasted.reduce((a, b) => (b.score > a.score ? b : a));
    return jsonResponse(200, { beer: name, match: best.donut, score: best.score, tasted: tasted.length, ...(failed.length ? { failed } : {}) });
  }

  return service;
}
