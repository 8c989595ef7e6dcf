/**
 * `web`: the matchmaker's front service. Catalogue routes read SQL (and DonutDB for the fast-changing facts); the
 * pairing route asks `taster` about every fresh donut, one after another, which is the slowness the trace explains.
 */
import type { HttpClient } from '../http-client';
import { jsonResponse, type SimResponse } from '../http';
import { HttpError, SimService, type RouteContext, type ServiceOptions } from '../service';
import type { SqlClient } from '../sql-database';
import type { Instrumentation } from '../instrumentation';
import type { DonutDB } from './donut-db';
import type { HandTiming } from './hand-timing';
import { TASTER_PORT } from './taster';

export const WEB_PORT = 5000;

export interface WebDeps {
  readonly sql: SqlClient;
  readonly donutDb: DonutDB;
  readonly http: HttpClient;
  readonly timing: HandTiming;
  readonly instrumentation: Instrumentation;
}

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
  const { sql, donutDb, http, timing, instrumentation } = deps;
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
    return op(ctx, 'match', () => bestMatch(name, candidates));
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
    if (tasted.length === 0) {
      return jsonResponse(502, { error: 'no candidate could be tasted', beer: name, failed });
    }
    const best = tasted.reduce((a, b) => (b.score > a.score ? b : a));
    return jsonResponse(200, { beer: name, match: best.donut, score: best.score, tasted: tasted.length, ...(failed.length ? { failed } : {}) });
  }

  return service;
}
