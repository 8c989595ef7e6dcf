/**
 * A checkout across two generations of tracing: `shop` (OpenTelemetry, W3C Trace Context only) calls `billing`, an
 * older service instrumented with Zipkin's B3 headers and nothing else, which calls `ledger`, of the same age. Each
 * service reads and writes context through the propagator it is given, so a demo can leave `shop` speaking W3C only
 * (billing finds no context it can read and starts a trace of its own: one request, two traces) or give it a
 * composite that writes both dialects (one trace). The propagators come from outside: sim knows only the OTel API.
 */
import type { Context, TextMapGetter, TextMapPropagator, TextMapSetter } from '@opentelemetry/api';
import type { Clock } from '../clock';
import { Faults } from '../faults';
import { HttpClient } from '../http-client';
import { jsonResponse, type SimRequest, type SimResponse } from '../http';
import { Network } from '../network';
import type { Random } from '../random';
import { HTTP_SCOPE } from '../scopes';
import { SimService } from '../service';
import type { TracerSource } from '../tracing';

export interface MixedDialectOptions {
  readonly clock: Clock;
  readonly random: Random;
  readonly tracerFor: TracerSource;
  /** What `shop` writes on its calls, read at every call so a switch applies to the next request. */
  readonly shopWrites: () => TextMapPropagator;
  /** What billing and ledger read and write: B3. */
  readonly legacy: TextMapPropagator;
  /** What shop reads from its callers: W3C. */
  readonly shopReads: TextMapPropagator;
}

export interface MixedDialects {
  readonly network: Network;
  /** One checkout from outside, untraced (curl). */
  checkout(orderNo: number): Promise<SimResponse>;
  stop(): void;
}

/** A propagator that asks which one to use at each call: a switch in the demo changes the next request only. */
class Switchable implements TextMapPropagator {
  constructor(private readonly current: () => TextMapPropagator) {}
  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    this.current().inject(context, carrier, setter);
  }
  extract(context: Context, carrier: unknown, getter: TextMapGetter): Context {
    return this.current().extract(context, carrier, getter);
  }
  fields(): string[] {
    return this.current().fields();
  }
}

export function createMixedDialects(opts: MixedDialectOptions): MixedDialects {
  const { clock, random, tracerFor } = opts;
  const faults = new Faults();
  const network = new Network({ clock, random: random.fork('network'), faults });
  const base = { network, clock, faults };
  const service = (name: string, port: number, reads: TextMapPropagator) =>
    new SimService({ ...base, name, host: name, port, tracer: tracerFor(name, HTTP_SCOPE), random: random.fork(name), propagator: reads });
  const client = (name: string, writes: TextMapPropagator, userAgent: string) =>
    new HttpClient({ ...base, tracer: tracerFor(name, HTTP_SCOPE), userAgent, propagator: writes });

  const shopHttp = client('shop', new Switchable(opts.shopWrites), 'node-fetch/1.0');
  const billingHttp = client('billing', opts.legacy, 'okhttp/3.14.9');
  const work = random.fork('work');

  const shop = service('shop', 8080, opts.shopReads).route('GET', '/checkout/{order}', async ({ params }) => {
    await clock.sleep(work.between(2, 5));
    const charged = await shopHttp.get(`http://billing:9411/charge?order=${params.order}`, { template: '/charge' });
    return jsonResponse(charged.status, { order: params.order, charged: charged.status === 200 });
  });
  const billing = service('billing', 9411, opts.legacy).route('GET', '/charge', async ({ query }) => {
    await clock.sleep(work.between(4, 9));
    const entry = await billingHttp.request('POST', `http://ledger:9412/entries?order=${query.get('order') ?? ''}`, { template: '/entries' });
    return jsonResponse(entry.status === 201 ? 200 : 502, { ok: entry.status === 201 });
  });
  const ledger = service('ledger', 9412, opts.legacy).route('POST', '/entries', async () => {
    await clock.sleep(work.between(3, 7));
    return jsonResponse(201, { written: true });
  });
  for (const s of [shop, billing, ledger]) s.start();

  return {
    network,
    checkout: (orderNo) => {
      const request: SimRequest = { method: 'GET', url: `http://shop:8080/checkout/${orderNo}`, headers: { 'user-agent': 'curl/8.5.0', accept: '*/*' } };
      return network.send(request);
    },
    stop: () => {
      for (const s of [shop, billing, ledger]) s.stop();
    },
  };
}
