/**
 * A write-back cache shared by every request: `cart` keeps each user's cart in memory, dirty, and writes it to the
 * database only when it must. With room for one dirty cart, request 2's write evicts request 1's cart, and the
 * eviction flushes request 1's data while request 2 waits. Whose work is that flush?
 *
 *   submitter-preserving: the flush is parented to the context of the write that put the data in (request 1's
 *     `cache put`): request 1's trace shows what its data cost, though the flush ran after its response.
 *   trigger-preserving: the flush is a child of request 2's write, which caused it, with a span link to request
 *     1's `cache put` (the OTel way to say "related, not my parent"): request 2's trace shows why it was slow.
 *
 * And a batch job that flushes every dirty cart in one database write: a trace of its own, linked to each cart's
 * write and parented to none, as the OTel spec recommends for batches (one parent cannot stand for many).
 */
import { context, ROOT_CONTEXT, SpanKind, trace, type Link, type Span, type SpanContext, type Tracer } from '@opentelemetry/api';
import type { Clock } from '../clock';
import { datastoreCall, type DatastoreEndpoint } from '../datastore-span';
import { Faults } from '../faults';
import { jsonResponse, type SimResponse } from '../http';
import { Network } from '../network';
import type { Random } from '../random';
import { HTTP_SCOPE } from '../scopes';
import { SimService } from '../service';
import type { TracerSource } from '../tracing';

/** Who a flush is charged to. */
export type Attribution = 'submitter' | 'trigger';

/** The cart service's own spans (cache put, flush, batch): named after its module. */
const CACHE_SCOPE = 'cart.write-back-cache';
/** Attribute names of the cache's spans. */
const CACHE_ATTR = { key: 'app.cache.key', reason: 'app.cache.flush.reason', attribution: 'app.cache.attribution', entries: 'app.cache.entries' } as const;

export interface WriteBackOptions {
  readonly clock: Clock;
  readonly random: Random;
  readonly tracerFor: TracerSource;
  /** Read at each eviction, so a switch applies to the next one. */
  readonly attribution: () => Attribution;
  /** Dirty carts the cache holds before it evicts the oldest (default 1). */
  readonly capacity?: number;
}

export interface WriteBack {
  readonly network: Network;
  /** PUT one user's cart from outside, untraced (curl). */
  put(user: string): Promise<SimResponse>;
  /** Run the batch job now: every dirty cart in one write. Resolves when it has ended. */
  batchFlush(): Promise<void>;
  /** The dirty carts, oldest first. */
  dirty(): readonly string[];
  stop(): void;
}

interface DirtyCart {
  readonly key: string;
  /** The context of the `cache put` that wrote it: the submitter. */
  readonly submitter: SpanContext;
}

export function createWriteBack(opts: WriteBackOptions): WriteBack {
  const { clock, random, tracerFor } = opts;
  const capacity = opts.capacity ?? 1;
  const faults = new Faults();
  const network = new Network({ clock, random: random.fork('network'), faults });
  const tracer: Tracer = tracerFor('cart', CACHE_SCOPE);
  const work = random.fork('work');
  const db: DatastoreEndpoint = { tracer: tracerFor('cart', '@opentelemetry/instrumentation-pg'), clock, random: random.fork('db'), faults, host: 'db', port: 5432, system: 'postgresql', namespace: 'shop' };
  const dirty: DirtyCart[] = [];

  const write = (keys: readonly string[]) =>
    datastoreCall(db, {
      spanName: 'UPDATE shop.carts',
      operation: 'UPDATE',
      collection: 'carts',
      queryText: keys.length === 1 ? 'UPDATE carts SET items = $1 WHERE user_id = $2' : `UPDATE carts SET items = v.items FROM (VALUES ${keys.map(() => '(?, ?)').join(', ')}) v`,
      serviceMs: work.between(18, 30) + keys.length * 4,
      run: () => keys.length,
    });

  /** A span of the cache's own, ended on the simulated clock whatever happens inside. */
  const withSpan = <T>(name: string, options: { attributes: Record<string, string | number>; links?: Link[] }, parent: ReturnType<typeof context.active>, body: (span: Span) => Promise<T>): Promise<T> => {
    const span = tracer.startSpan(name, { kind: SpanKind.INTERNAL, startTime: clock.now(), ...options }, parent);
    return context.with(trace.setSpan(parent, span), async () => {
      try {
        return await body(span);
      } finally {
        span.end(clock.now());
      }
    });
  };

  /** Flush one evicted cart, charged the way the demo says. */
  const evict = (victim: DirtyCart): Promise<number> => {
    const how = opts.attribution();
    const attributes = { [CACHE_ATTR.key]: victim.key, [CACHE_ATTR.reason]: 'eviction', [CACHE_ATTR.attribution]: how };
    return how === 'submitter'
      ? // The data's own request, long answered, gets the span: a parent that ended before its child began.
        withSpan(`flush ${victim.key}`, { attributes }, trace.setSpanContext(ROOT_CONTEXT, victim.submitter), () => write([victim.key]))
      : withSpan(`flush ${victim.key}`, { attributes, links: [{ context: victim.submitter, attributes: { [CACHE_ATTR.reason]: 'eviction' } }] }, context.active(), () =>
          write([victim.key]),
        );
  };

  const cart = new SimService({ network, clock, faults, random: random.fork('cart'), name: 'cart', host: 'cart', port: 8080, tracer: tracerFor('cart', HTTP_SCOPE) }).route(
    'PUT',
    '/carts/{user}',
    async ({ params }) => {
      const key = `cart:${params.user}`;
      await withSpan('cache put', { attributes: { [CACHE_ATTR.key]: key } }, context.active(), async (span) => {
        await clock.sleep(work.between(0.5, 1.5));
        const known = dirty.findIndex((d) => d.key === key);
        if (known >= 0) dirty.splice(known, 1);
        dirty.push({ key, submitter: span.spanContext() });
        // Over capacity: the oldest dirty cart goes to the database now, inside this request.
        while (dirty.length > capacity) await evict(dirty.shift()!);
      });
      return jsonResponse(200, { saved: key });
    },
  );
  cart.start();

  return {
    network,
    put: (user) => network.send({ method: 'PUT', url: `http://cart:8080/carts/${encodeURIComponent(user)}`, headers: { 'user-agent': 'curl/8.5.0' } }),
    async batchFlush() {
      const batch = dirty.splice(0, dirty.length);
      if (batch.length === 0) return;
      // A root of its own: one span serving many requests links to each of them and has no parent.
      const links = batch.map((d) => ({ context: d.submitter, attributes: { [CACHE_ATTR.key]: d.key } }));
      await withSpan('batch flush', { attributes: { [CACHE_ATTR.entries]: batch.length, [CACHE_ATTR.reason]: 'batch' }, links }, ROOT_CONTEXT, () => write(batch.map((d) => d.key)));
    },
    dirty: () => dirty.map((d) => d.key),
    stop: () => cart.stop(),
  };
}
