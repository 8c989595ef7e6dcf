/**
 * The world a live demo runs in: simulated time (driven in real time on a slide, or fast-forwarded in print view),
 * a span store, one OpenTelemetry provider per simulated service, and a seeded random source. It also keeps the
 * demo's subscriptions only while the demo is shown, so a paused demo holds no timer and no subscription.
 */
import { runUntilIdle, VirtualClock } from '../sim/clock';
import { createRandom, type Random } from '../sim/random';
import { RealtimeDriver } from '../sim/realtime-driver';
import { SpanStore, type SpanStoreOptions } from '../telemetry/span-store';
import { seededIdGenerator } from '../telemetry/seeded-ids';
import { createTelemetry, type Telemetry, type TelemetryOptions } from '../telemetry/telemetry';
import type { DemoActivity, DemoContext } from './demo';

export interface LiveWorldOptions {
  /** Names the demo's random stream, so two demos on one page never share draws. */
  readonly demoId: string;
  /** Virtual ms per wall ms on a slide (ignored in print view). */
  readonly speed?: number;
  readonly store?: SpanStoreOptions;
  /** Draw span and trace ids from the seed too, for demos that print ids (they are random otherwise). */
  readonly seededIds?: boolean;
  /**
   * Span processors besides the store's, given to every provider of the world's one telemetry (a console exporter,
   * an OTLP preview): a demo that shows another pipeline adds its processors here rather than building a second
   * `Telemetry`. They are shut down with the world.
   */
  readonly processors?: TelemetryOptions['extraProcessors'];
  /** Each service's sampler (see `TelemetryOptions.samplers`); the SDK's default, everything recorded, when absent. */
  readonly samplers?: TelemetryOptions['samplers'];
  /** How spans reach the store (a tail sampler on the world's clock); straight in when absent. */
  readonly storeProcessor?: (store: SpanStore, clock: VirtualClock) => ReturnType<NonNullable<TelemetryOptions['storeProcessor']>>;
}

export interface LiveWorld {
  readonly clock: VirtualClock;
  /** Absent in print view, where time only moves by `fastForward`. */
  readonly driver: RealtimeDriver | undefined;
  readonly store: SpanStore;
  readonly telemetry: Telemetry;
  readonly random: Random;
  /** Keep this subscription while the demo is shown; `subscribe` returns its own unsubscribe. */
  whileShown(subscribe: () => () => void): void;
  /** The slide is current: subscribe, then let time run. */
  show(): void;
  /** The slide was left: stop time, then unsubscribe. */
  hide(): void;
  /** Bring idle virtual time up to the wall clock before starting something new. */
  sync(): void;
  /** Run every pending timer now, in order (print view, tests). */
  fastForward(): Promise<void>;
  activity(): DemoActivity;
  release(): void;
}

export function createLiveWorld(ctx: DemoContext, opts: LiveWorldOptions): LiveWorld {
  const clock = new VirtualClock(Date.now());
  const driver = ctx.print ? undefined : new RealtimeDriver(clock, opts.speed ?? 1);
  const store = new SpanStore(opts.store ?? { maxSpans: 5_000, maxTraces: 100 });
  const random = createRandom(`${ctx.seed}:${opts.demoId}`);
  // A fork of its own, so ids never shift the latencies drawn from `random`.
  const ids = opts.seededIds ? { idGenerator: seededIdGenerator(random.fork('ids').next) } : {};
  const sampling = {
    ...(opts.samplers ? { samplers: opts.samplers } : {}),
    ...(opts.storeProcessor ? { storeProcessor: (s: SpanStore) => opts.storeProcessor!(s, clock) } : {}),
  };
  const extraProcessors = ctx.exportProcessors?.length ? [...(opts.processors ?? []), ...ctx.exportProcessors] : opts.processors;
  const telemetry = createTelemetry({ store, extraProcessors, ...ids, ...sampling });
  const subscribers: Array<() => () => void> = [];
  let active: Array<() => void> = [];
  let shown = false;

  const subscribeAll = (): void => {
    if (active.length === 0) active = subscribers.map((s) => s());
  };
  const unsubscribeAll = (): void => {
    active.forEach((stop) => { stop(); });
    active = [];
  };

  return {
    clock,
    driver,
    store,
    telemetry,
    random,
    whileShown(subscribe) {
      subscribers.push(subscribe);
      if (shown || ctx.print) active.push(subscribe());
    },
    show() {
      shown = true;
      subscribeAll();
      driver?.resume();
    },
    hide() {
      shown = false;
      driver?.pause();
      unsubscribeAll();
    },
    sync: () => driver?.sync(),
    async fastForward() {
      subscribeAll();
      await runUntilIdle(clock);
      if (!shown) unsubscribeAll();
    },
    // Hidden, any listener left on the store is a leak, whoever made it: count it.
    activity: () => ({ timers: driver?.hasWallTimer ? 1 : 0, subscriptions: active.length || store.listenerCount }),
    release() {
      driver?.dispose();
      clock.clear();
      unsubscribeAll();
      subscribers.length = 0;
      void telemetry.shutdown();
    },
  };
}
