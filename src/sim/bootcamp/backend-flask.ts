/**
 * `backend-flask`: the bootcamp's API, with the one route the home page calls, GET /api/activities/home. Flask's
 * automatic instrumentation makes the SERVER span (SimService does that here); inside it, the `HomeActivities`
 * handler starts a span of its own by hand, `home-activities-mock-data`, from a tracer named `home.activities`, and
 * records two attributes on it: `app.now`, the moment it ran, and `app.result_length`, how many activities it
 * returned. It also logs, so each log line carries the ids of the span that was active when it was written.
 *
 * When the feed is made to fail, the handler's error is recorded both ways OpenTelemetry knows: the manual span gets
 * status ERROR and `error.type`, and the handler's `LOGGER.exception(...)` writes the exception as a log record
 * correlated with that span (what the semantic conventions now recommend); the error then escapes to Flask's
 * instrumentation, which records it on the SERVER span as an `exception` event (what existing instrumentations
 * still do by default) and answers 500.
 */
import { SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
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

/**
 * The manual span's attributes, as the bootcamp (after Honeycomb's docs) names them. `app.` is in fact a semantic
 * conventions namespace (`app.installation.id`, `app.screen.*`), and the naming guide advises against reusing one for
 * an application's own attributes; a reverse domain (`com.cruddur.result_length`) would be safer.
 */
export const APP_ATTR = { now: 'app.now', resultLength: 'app.result_length' } as const;

export interface BackendDeps {
  /** The `home.activities` tracer, from the backend's own provider. */
  readonly homeTracer: Tracer;
  readonly logger: Logger;
  /** Read at each request: whether the mock data source fails (a presenter's switch). */
  readonly feedFails?: () => boolean;
}

/** The `telemetry.sdk.language` backend-flask's own SDK reports: it is a Python app. */
export const BACKEND_SDK_LANGUAGE = 'python';
/** What the failing feed raises, shaped as Python would report it. */
export const FEED_ERROR = { type: 'TimeoutError', message: 'the activities store did not answer in 5.0 s' } as const;

/** A Python-shaped error: its type, message and traceback are what Python's logging and instrumentation record. */
function feedError(): Error {
  const error = new Error(FEED_ERROR.message);
  error.name = FEED_ERROR.type;
  error.stack = [
    'Traceback (most recent call last):',
    '  File "/backend-flask/services/home_activities.py", line 14, in run',
    '    results = load_mock_data(now)',
    '  File "/backend-flask/services/home_activities.py", line 41, in load_mock_data',
    '    raise TimeoutError("the activities store did not answer in 5.0 s")',
    `${FEED_ERROR.type}: ${FEED_ERROR.message}`,
  ].join('\n');
  return error;
}

export function createBackendFlask(opts: Omit<ServiceOptions, 'name' | 'host' | 'port'>, deps: BackendDeps): SimService {
  const { clock, random } = opts;
  const { homeTracer: home, logger } = deps;
  const feedFails = deps.feedFails ?? (() => false);

  /** `HomeActivities.run()`: the handler's own work, in a span started by hand as a child of the active one. */
  function runHomeActivities(): Promise<unknown[]> {
    // Logged before the manual span starts: this line carries the SERVER span's ids.
    logger.info('HomeActivities');
    const start = { kind: SpanKind.INTERNAL, startTime: clock.now() };
    const name = MANUAL_SPAN;
    // #region manual-span
    return home.startActiveSpan(name, start, async (span) => {
      // #endregion
      try {
        const now = clock.now();
        // #region manual-span
        const iso = new Date(now).toISOString();
        span.setAttribute(APP_ATTR.now, iso);
        // #endregion
        // Building the mock feed: a few ms, and now and then (12%) a slow one, as a real query would be.
        const slow = random.chance(0.12) ? random.between(35, 80) : 0;
        await clock.sleep(random.between(4, 16) + slow);
        if (feedFails()) {
          const error = feedError();
          span.setAttribute(ATTR_ERROR_TYPE, error.name);
          span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
          // Inside the span: the record carries its ids, so it joins the trace.
          logger.exception('HomeActivities failed', error);
          throw error;
        }
        // #region manual-span
        const results = mockActivities(random, now);
        span.setAttribute(APP_ATTR.resultLength, results.length);
        // #endregion
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
