/**
 * The workshop's hand-made instrumentation, before any tracing library: a timing decorator around each route, timing
 * context managers around each operation, and a correlation id per request. From level 6 on, the same operations
 * are INTERNAL spans instead.
 */
import { context, trace, type Tracer } from '@opentelemetry/api';
import type { Clock } from '../clock';
import type { Instrumentation } from '../instrumentation';
import type { Random } from '../random';
import type { RouteContext, RouteHandler } from '../service';
import { seconds, type TimingLog } from '../timing-log';

const REQUEST_ID = 'req_id';
/** The header a proxy in front passes its request id in (lower case, as on the wire). */
const INCOMING_ID = 'x-request-id';

export interface HandTimingDeps {
  readonly clock: Clock;
  readonly random: Random;
  readonly log: TimingLog;
  readonly instrumentation: Instrumentation;
  /** The tracer for the nested spans of level 6 (gated by the caller). */
  readonly tracer: Tracer;
}

export interface HandTiming {
  /** The timing decorator: wraps a route, logs "function <name> took …" at levels 1–3. */
  route(functionName: string, handler: RouteHandler): RouteHandler;
  /** The timing context manager (levels 2–3), or a nested span (level 6 and up), around one operation. */
  op<T>(ctx: RouteContext, name: string, work: () => Promise<T>): Promise<T>;
}

export function createHandTiming({ clock, random, log, instrumentation, tracer }: HandTimingDeps): HandTiming {
  const level = () => instrumentation.current.level;
  const logging = (min: number) => level() >= min && level() <= 3;
  const prefix = (ctx: RouteContext): string => {
    const id = ctx.locals.get(REQUEST_ID);
    return typeof id === 'string' ? `req: ${id}, ` : '';
  };
  // A random 64-bit number in decimal, as a correlation id usually is.
  const newRequestId = (): string =>
    ((BigInt(random.int(0, 0xffffffff)) << BigInt(32)) | BigInt(random.int(0, 0xffffffff))).toString(10);

  return {
    route: (functionName, handler) => async (ctx) => {
      if (!logging(1)) return handler(ctx);
      // Behind a proxy that stamps X-Request-ID (nginx's `proxy_set_header X-Request-ID $request_id`), log with its
      // id, so the proxy's lines and the app's share one; otherwise make one up. Only the made-up id draws a number.
      if (level() >= 3) ctx.locals.set(REQUEST_ID, ctx.request.headers[INCOMING_ID] || newRequestId());
      const startMs = clock.now();
      try {
        return await handler(ctx);
      } finally {
        const requestId = ctx.locals.get(REQUEST_ID) as string | undefined;
        log.write({
          atMs: clock.now(),
          text: `${prefix(ctx)}function ${functionName} took ${seconds(clock.now() - startMs)} seconds`,
          ...(requestId ? { requestId } : {}),
        });
      }
    },
    async op(ctx, name, work) {
      if (level() >= 6) {
        const span = tracer.startSpan(name, { startTime: clock.now() });
        try {
          return await context.with(trace.setSpan(context.active(), span), work);
        } finally {
          span.end(clock.now());
        }
      }
      if (!logging(2)) return work();
      const startMs = clock.now();
      try {
        return await work();
      } finally {
        const requestId = ctx.locals.get(REQUEST_ID) as string | undefined;
        log.write({
          atMs: clock.now(),
          text: `${prefix(ctx)}operation ${name} took ${seconds(clock.now() - startMs)} seconds`,
          ...(requestId ? { requestId } : {}),
        });
      }
    },
  };
}
