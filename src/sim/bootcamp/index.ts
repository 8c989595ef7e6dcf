/**
 * The bootcamp's backend, assembled: `frontend-react-js` (the React app on port 3000) calls `backend-flask` (port
 * 4567) for the home feed over the simulated network, with the trace context in a `traceparent` header. The
 * backend's log lines land in `logs`, beside the spans. One call builds a fresh, independent instance.
 */
import type { Clock } from '../clock';
import { Faults } from '../faults';
import { HttpClient } from '../http-client';
import type { SimResponse } from '../http';
import { Network } from '../network';
import type { Random } from '../random';
import type { SimService } from '../service';
import type { TracerSource } from '../tracing';
import { BACKEND_NAME, BACKEND_PORT, BACKEND_SDK_LANGUAGE, createBackendFlask, FLASK_SCOPE, HOME_PATH, HOME_TRACER } from './backend-flask';
import { createLogger, LogSink } from './logger';

export { APP_ATTR, FEED_ERROR, MANUAL_SPAN } from './backend-flask';
export type { Activity } from './feed';
export type { LogLine } from './logger';

const FRONTEND_NAME = 'frontend-react-js';

/** The system's services, in the order views colour them. */
export const BOOTCAMP_SERVICES: readonly string[] = [FRONTEND_NAME, BACKEND_NAME];
/** The frontend's fetch instrumentation makes the CLIENT span of each call. */
const FETCH_SCOPE = '@opentelemetry/instrumentation-fetch';
const BROWSER_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36';

export interface BootcampOptions {
  readonly clock: Clock;
  readonly random: Random;
  readonly tracerFor: TracerSource;
  /** Where the backend's log lines go (default: a fresh sink). */
  readonly logs?: LogSink;
}

export interface Bootcamp {
  readonly network: Network;
  /** The faults a presenter switches on (errorRate, slow hops, hosts down), read at each request. */
  readonly faults: Faults;
  readonly logs: LogSink;
  readonly services: readonly SimService[];
  /** Make the handler's mock data source fail (or work again) from the next request on. */
  failFeed(on: boolean): void;
  /** The home page loads its feed: the frontend's traced call to GET /api/activities/home. */
  loadHome(): Promise<SimResponse>;
  /**
   * Any other call the frontend makes to the backend, traced the same way (`path` with its query, e.g.
   * `/api/activities/notifications`); a route the backend does not have answers 404, as Flask's would.
   */
  fetchApi(path: string): Promise<SimResponse>;
  stop(): void;
}

export function createBootcamp(opts: BootcampOptions): Bootcamp {
  const { clock, random, tracerFor } = opts;
  const logs = opts.logs ?? new LogSink();
  const faults = new Faults();
  const network = new Network({ clock, random: random.fork('network'), faults });
  const base = { network, clock, faults };
  let feedFails = false;
  // backend-flask is a Python app: its resource says so, though OpenTelemetry JS makes its spans in this tab.
  const python = { sdkLanguage: BACKEND_SDK_LANGUAGE };
  const backend = createBackendFlask(
    { ...base, tracer: tracerFor(BACKEND_NAME, FLASK_SCOPE, python), random: random.fork('backend') },
    { homeTracer: tracerFor(BACKEND_NAME, HOME_TRACER, python), logger: createLogger(BACKEND_NAME, logs, clock), feedFails: () => feedFails },
  ).start();
  const frontend = new HttpClient({ ...base, tracer: tracerFor(FRONTEND_NAME, FETCH_SCOPE), userAgent: BROWSER_USER_AGENT });
  const backendUrl = `http://${BACKEND_NAME}:${BACKEND_PORT}`;
  return {
    network,
    faults,
    logs,
    services: [backend],
    failFeed: (on) => {
      feedFails = on;
    },
    loadHome: () => frontend.get(`${backendUrl}${HOME_PATH}`, { template: HOME_PATH }),
    fetchApi: (path) => frontend.get(`${backendUrl}${path}`),
    stop: () => backend.stop(),
  };
}
