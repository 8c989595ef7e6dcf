/**
 * `web`: the matchmaker's front service. Catalogue routes read SQL (and DonutDB for the fast-changing facts); the
 * pairing route asks `taster` about every fresh donut, one after another, which is the slowness the trace explains.
 */
import type { HttpClient } from '../http-client';
import { jsonResponse, type SimResponse } from '../http';
import { HttpError, SimService, type ServiceOptions } from '../service';
import type { SqlClient } from '../sql-database';
import type { DonutDB } from './donut-db';
import { TASTER_PORT } from './taster';

export const WEB_PORT = 5000;

export interface WebDeps {
  readonly sql: SqlClient;
  readonly donutDb: DonutDB;
  readonly http: HttpClient;
}

const BEER_COLUMNS = ['name', 'label', 'style', 'abv', 'ibu'] as const;
const DONUT_COLUMNS = ['name', 'label', 'dough', 'price_cents'] as const;

export function createWeb(opts: Omit<ServiceOptions, 'name' | 'host' | 'port'>, deps: WebDeps): SimService {
  const { sql, donutDb, http } = deps;
  const service = new SimService({ ...opts, name: 'web', host: 'web', port: WEB_PORT });

  service.route('GET', '/', async () =>
    jsonResponse(200, {
      service: 'matchmaker',
      routes: ['/beers', '/donuts', '/beers/{name}', '/donuts/{name}', '/pair/beer?name={beer}'],
    }),
  );
  service.route('GET', '/beers', async () => jsonResponse(200, { beers: await sql.select('beers', BEER_COLUMNS) }));
  service.route('GET', '/donuts', async () => jsonResponse(200, { donuts: await sql.select('donuts', DONUT_COLUMNS) }));
  service.route('GET', '/beers/{name}', async ({ params }) => {
    const [beer] = await sql.select('beers', BEER_COLUMNS, { column: 'name', value: params['name']! });
    if (!beer) throw new HttpError(404, `no beer named '${params['name']}'`);
    return jsonResponse(200, beer);
  });
  service.route('GET', '/donuts/{name}', async ({ params }) => {
    const [donut] = await sql.select('donuts', DONUT_COLUMNS, { column: 'name', value: params['name']! });
    if (!donut) throw new HttpError(404, `no donut named '${params['name']}'`);
    const today = await donutDb.opinion(donut['name'] as string);
    return jsonResponse(200, { ...donut, ...today });
  });
  service.route('GET', '/pair/beer', async ({ query }) => pair(query.get('name')));

  async function pair(name: string | null): Promise<SimResponse> {
    if (!name) throw new HttpError(400, 'missing query parameter: name');
    const [beer] = await sql.select('beers', ['name', 'style'], { column: 'name', value: name });
    if (!beer) throw new HttpError(404, `no beer named '${name}'`);
    const donuts = await sql.select('donuts', ['name']);
    const fresh = new Set(await donutDb.freshDonuts());
    const candidates = donuts.map((d) => d['name'] as string).filter((d) => fresh.has(d));

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
