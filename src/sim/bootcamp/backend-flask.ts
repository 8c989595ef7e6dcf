/**
 * `backend-flask`: the bootcamp's API, with the one route the home page calls, GET /api/activities/home. Flask's
 * automatic instrumentation makes the SERVER span (SimService does that here); inside it, the `HomeActivities`
 * handler starts a span of its own by hand, `home-activities-mock-data`, from a tracer named `home.activities`, and
 * records two attributes on it: `app.now`, the moment it ran, and `app.result_length`, how many activities it
 * returned. It also logs, so each log line carries the ids of the span that was active when it was written.
 */
import { SpanKind, type Tracer } from '@opentelemetry/api';
import { jsonResponse } from '../http';
import { SimService, type ServiceOptions } from '../service';
import { mockActivities } from './feed';
import type { Logger } from './logger';

export const BACKEND_NAME = 'backend-flask';
/** The port the bootcamp's docker-compose gives the backend. */
export const BACKEND_PORT = 4567;
export const HOME_PATH = '/api/activities/home';
/** The tracer the handler's module asks for: named after the module, as the bootcamp notes suggest. */
export const HOME_TRACER = 'home.activities';
export const MANUAL_SPAN = 'home-activities-mock-data';
/** The scope of the SERVER span: the module that Flask's automatic instrumentation lives in. */
export const FLASK_SCOPE = 'opentelemetry.instrumentation.flask';

/** The manual span's attributes: `app.` is the namespace for an application's own. */
export const APP_ATTR = { now: 'app.now', resultLength: 'app.result_length' } as const;

export interface BackendDeps {
  /** The `home.activities` tracer, from the backend's own provider. */
  readonly homeTracer: Tracer;
  readonly logger: Logger;
}

export function createBackendFlask(opts: Omit<ServiceOptions, 'name' | 'host' | 'port'>, deps: BackendDeps): SimService {
  const { clock, random } = opts;
  const { homeTracer, logger } = deps;

  /** `HomeActivities.run()`: the handler's own work, in a span started by hand as a child of the active one. */
  function runHomeActivities(): Promise<unknown[]> {
    // Logged before the manual span starts: this line carries the SERVER span's ids.
    logger.info('HomeActivities');
    return homeTracer.startActiveSpan(MANUAL_SPAN, { kind: SpanKind.INTERNAL, startTime: clock.now() }, async (span) => {
      try {
        const now = clock.now();
        span.setAttribute(APP_ATTR.now, new Date(now).toISOString());
        // Building the mock feed: a few ms, and now and then (12%) a slow one, as a real query would be.
        const slow = random.chance(0.12) ? random.between(35, 80) : 0;
        await clock.sleep(random.between(4, 16) + slow);
        const results = mockActivities(random, now);
        span.setAttribute(APP_ATTR.resultLength, results.length);
        // Logged inside the manual span: this line carries its ids.
        logger.info(`home-activities-mock-data: ${results.length} activities`);
        return results;
      } finally {
        span.end(clock.now());
      }
    });
  }

  return new SimService({ ...opts, name: BACKEND_NAME, host: BACKEND_NAME, port: BACKEND_PORT }).route('GET', HOME_PATH, async () =>
    jsonResponse(200, await runHomeActivities()),
  );
}
