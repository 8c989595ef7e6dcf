/**
 * The shared shape of a datastore call: a CLIENT span on the calling service's tracer, seeded latency, the
 * "host down" fault, and the error recorded on the span when the call fails.
 */
import { SpanKind, type Attributes, type Tracer } from '@opentelemetry/api';
import {
  ATTR_DB_COLLECTION_NAME,
  ATTR_DB_NAMESPACE,
  ATTR_DB_OPERATION_NAME,
  ATTR_DB_QUERY_TEXT,
  ATTR_DB_SYSTEM_NAME,
  ATTR_SERVER_ADDRESS,
  ATTR_SERVER_PORT,
} from '@opentelemetry/semantic-conventions';
import type { Clock } from './clock';
import type { Faults } from './faults';
import { NetworkError } from './http';
import type { Random } from './random';
import { clientException, markRaised } from './python-traceback';
import { recordError, recordPythonError, type ServiceLanguage } from './tracing';

export interface DatastoreEndpoint {
  readonly tracer: Tracer;
  readonly clock: Clock;
  readonly random: Random;
  readonly faults: Faults;
  /** e.g. `db`, `redis`: the host the fault switches and `server.address` name. */
  readonly host: string;
  readonly port: number;
  /** `db.system.name`, e.g. `postgresql` or `redis`. */
  readonly system: string;
  readonly namespace: string;
  /** The calling service's language, when it is presented as other than JS: its exceptions read as that language's. */
  readonly language?: ServiceLanguage;
}

export interface DatastoreCall<T> {
  readonly spanName: string;
  readonly operation: string;
  readonly queryText: string;
  readonly collection?: string;
  /** Virtual milliseconds the server takes, before network time. */
  readonly serviceMs: number;
  readonly run: () => T;
  /** Extra attributes computed from the result, such as the number of rows returned. */
  readonly resultAttributes?: (result: T) => Attributes;
}

export async function datastoreCall<T>(endpoint: DatastoreEndpoint, call: DatastoreCall<T>): Promise<T> {
  const { tracer, clock, random, faults, host, port } = endpoint;
  const collection = call.collection ? { [ATTR_DB_COLLECTION_NAME]: call.collection } : {};
  // #region step-7
  const span = tracer.startSpan(call.spanName, {
    kind: SpanKind.CLIENT,
    startTime: clock.now(),
    attributes: {
      [ATTR_DB_SYSTEM_NAME]: endpoint.system,
      [ATTR_DB_NAMESPACE]: endpoint.namespace,
      [ATTR_DB_OPERATION_NAME]: call.operation,
      [ATTR_DB_QUERY_TEXT]: call.queryText,
      [ATTR_SERVER_ADDRESS]: host,
      [ATTR_SERVER_PORT]: port,
      ...collection,
    },
  });
  // #endregion
  try {
    // Round trip to the datastore: two short hops plus the server's own work.
    await clock.sleep(random.between(0.3, 1.0));
    if (faults.isDown(host)) throw new NetworkError('ECONNREFUSED', `connect ECONNREFUSED ${host}:${port}`);
    const slow = random.chance(faults.current.slowRate) ? faults.current.slowExtraMs : 0;
    await clock.sleep(call.serviceMs + slow + random.between(0.3, 1.0));
    const result = call.run();
    if (call.resultAttributes) span.setAttributes(call.resultAttributes(result));
    return result;
  } catch (error) {
    if (endpoint.language === 'python') {
      const code = error instanceof NetworkError ? error.code : undefined;
      const library = endpoint.system === 'redis' ? 'redis' : 'psycopg2';
      const raised = clientException({ library, host, port, ...(code ? { code } : {}) }, error instanceof Error ? error.message : String(error));
      markRaised(error, raised);
      recordPythonError(span, error, clock.now(), raised);
    } else recordError(span, error, clock.now());
    throw error;
  } finally {
    span.end(clock.now());
  }
}
