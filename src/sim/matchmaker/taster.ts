/**
 * `taster`: a separate service that judges beer-and-donut pairs. Judging takes it a while (it really tastes), which
 * is why calling it once per candidate makes pairing slow. `/taste` judges one pair; `/taste/batch` judges several
 * for one beer in one request, for a web that batches its calls.
 */
import { fnv1a32 } from '../../lib/fnv1a';
import { jsonResponse } from '../http';
import { HttpError, SimService, type ServiceOptions } from '../service';
import { BEERS, DONUTS, type Beer, type Donut } from './data';
import { pairingScore } from './palate';

export const TASTER_PORT = 5001;

/** At most this many donuts in one batch: a longer list is a client's mistake, answered 400. */
const MAX_BATCH = 32;

export interface TasterOptions extends Omit<ServiceOptions, 'name' | 'host' | 'port'> {
  /**
   * taster's palate changes every this many ms (a new round of tastings: scores move by up to ±0.05 with it), so a
   * cached score can go stale; absent, a pair always scores the same, as in the workshop.
   */
  readonly palateRoundMs?: number;
}

/** The palate round a time falls in (0 when the palate never changes). */
function palateRound(atMs: number, roundMs: number | undefined): number {
  return roundMs && roundMs > 0 ? Math.floor(atMs / roundMs) : 0;
}

/** taster's score for a pair at a time: the notes' score, moved a little by the round the time falls in. */
function tasterScore(beer: Beer, donut: Donut, atMs: number, roundMs: number | undefined): number {
  const base = pairingScore(beer.notes, donut.notes);
  if (!roundMs || roundMs <= 0) return base;
  const drift = (fnv1a32(`${palateRound(atMs, roundMs)}:${beer.name}:${donut.name}`) / 0xffffffff - 0.5) * 0.1;
  return Math.round(Math.min(1, Math.max(0, base + drift)) * 1000) / 1000;
}

export function createTaster(opts: TasterOptions): SimService {
  const { clock, random, palateRoundMs } = opts;
  const findBeer = (name: string | null): Beer => {
    if (!name) throw new HttpError(400, 'missing query parameter: beer and donut are both required');
    const beer = BEERS.find((b) => b.name === name);
    if (!beer) throw new HttpError(404, `taster has never tried a beer named '${name}'`);
    return beer;
  };
  const findDonut = (name: string): Donut => {
    const donut = DONUTS.find((d) => d.name === name);
    if (!donut) throw new HttpError(404, `taster has never tried a donut named '${name}'`);
    return donut;
  };
  return new SimService({ ...opts, name: 'taster', host: 'taster', port: TASTER_PORT })
    .route('GET', '/taste', async ({ query, span }) => {
      const beerName = query.get('beer');
      const donutName = query.get('donut');
      if (!beerName || !donutName) throw new HttpError(400, 'missing query parameter: beer and donut are both required');
      const beer = findBeer(beerName);
      const donut = findDonut(donutName);
      // Tasting: 35–80 ms of thought per pair, more for pairs with more notes to weigh.
      await clock.sleep(random.between(35, 70) + (beer.notes.length + donut.notes.length) * 1.2);
      const score = tasterScore(beer, donut, clock.now(), palateRoundMs);
      span.setAttribute('app.pairing.score', score);
      return jsonResponse(200, { beer: beer.name, donut: donut.name, score });
    })
    .route('GET', '/taste/batch', async ({ query, span }) => {
      const beer = findBeer(query.get('beer'));
      const names = (query.get('donuts') ?? '').split(',').filter(Boolean);
      if (names.length === 0) throw new HttpError(400, 'missing query parameter: donuts (a comma-separated list)');
      if (names.length > MAX_BATCH) throw new HttpError(400, `at most ${MAX_BATCH} donuts in one batch`);
      const donuts = names.map(findDonut);
      // Most of a tasting is getting ready (the beer poured, a clean palate): 35–70 ms, once per request. Each pair
      // then takes its notes' weighing and a short bite, 6–12 ms: that setup paid once is what a batch saves.
      let thinkMs = random.between(35, 70);
      for (const donut of donuts) thinkMs += (beer.notes.length + donut.notes.length) * 1.2 + random.between(6, 12);
      await clock.sleep(thinkMs);
      const scores = donuts.map((donut) => ({ donut: donut.name, score: tasterScore(beer, donut, clock.now(), palateRoundMs) }));
      span.setAttribute('app.batch.size', donuts.length);
      return jsonResponse(200, { beer: beer.name, scores });
    });
}
