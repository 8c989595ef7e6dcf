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
  // A random 64-bit number, as a correlation id usually is; and a timing line, with the request's id once it has one.
  // #region step-3
  const newRequestId = (): string => {
    const high = BigInt(random.int(0, 0xffffffff));
    const low = BigInt(random.int(0, 0xffffffff));
    return ((high << BigInt(32)) | low).toString(10);
  };
  function write(ctx: RouteContext, text: string): void {
    const id = String(ctx.locals.get(REQUEST_ID) ?? '');
    const line = id ? `req: ${id}, ${text}` : text;
    const requestId = id ? { requestId: id } : {};
    const atMs = clock.now();
    log.write({ atMs, text: line, ...requestId });
  }
  // #endregion

  return {
    // #region step-1
    route: (fn, handler) => async (ctx) => {
      if (!logging(1)) return handler(ctx);
      // #endregion
      // Behind a proxy that stamps X-Request-ID (nginx's `proxy_set_header X-Request-ID $request_id`), log with its
      // id, so the proxy's lines and the app's share one; otherwise make one up. Only the made-up id draws a number.
      const incoming = ctx.request.headers[INCOMING_ID];
      // #region step-3
      if (level() >= 3) {
        ctx.locals.set(REQUEST_ID, incoming || newRequestId());
      }
      // #endregion
      // #region step-1
      const startMs = clock.now();
      try {
        return await handler(ctx);
      } finally {
        const took = seconds(clock.now() - startMs);
        write(ctx, `function ${fn} took ${took} seconds`);
      }
    },
    // #endregion
    async op(ctx, name, work) {
      // #region step-6
      if (level() >= 6) {
        // Started while the request's span is active: it
        // becomes its child, with no ids passed by hand.
        const start = { startTime: clock.now() };
        const span = tracer.startSpan(name, start);
        try {
          const inSpan = trace.setSpan(context.active(), span);
          return await context.with(inSpan, work);
        } finally {
          span.end(clock.now());
        }
      }
      // #endregion
      if (!logging(2)) return work();
      // #region step-2
      const startMs = clock.now();
      try {
        return await work();
      } finally {
        const took = seconds(clock.now() - startMs);
        write(ctx, `operation ${name} took ${took} seconds`);
      }
      // #endregion
    },
  };
}
