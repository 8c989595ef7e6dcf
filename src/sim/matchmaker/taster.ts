/**
 * `taster`: a separate service that judges one beer-and-donut pair per request. Judging takes it a while (it
 * really tastes), which is why calling it once per candidate makes pairing slow.
 */
import { jsonResponse } from '../http';
import { HttpError, SimService, type ServiceOptions } from '../service';
import { BEERS, DONUTS } from './data';
import { pairingScore } from './palate';

export const TASTER_PORT = 5001;

export function createTaster(opts: Omit<ServiceOptions, 'name' | 'host' | 'port'>): SimService {
  const { clock, random } = opts;
  return new SimService({ ...opts, name: 'taster', host: 'taster', port: TASTER_PORT }).route(
    'GET',
    '/taste',
    async ({ query, span }) => {
      const beerName = query.get('beer');
      const donutName = query.get('donut');
      if (!beerName || !donutName) throw new HttpError(400, 'missing query parameter: beer and donut are both required');
      const beer = BEERS.find((b) => b.name === beerName);
      const donut = DONUTS.find((d) => d.name === donutName);
      if (!beer) throw new HttpError(404, `taster has never tried a beer named '${beerName}'`);
      if (!donut) throw new HttpError(404, `taster has never tried a donut named '${donutName}'`);
      // Tasting: 35–80 ms of thought per pair, more for pairs with more notes to weigh.
      await clock.sleep(random.between(35, 70) + (beer.notes.length + donut.notes.length) * 1.2);
      const score = pairingScore(beer.notes, donut.notes);
      span.setAttribute('app.pairing.score', score);
      return jsonResponse(200, { beer: beer.name, donut: donut.name, score });
    },
  );
}
