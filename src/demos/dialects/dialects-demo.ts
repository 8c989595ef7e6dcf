/**
 * Context on the wire in every dialect. A checkout crosses shop (OpenTelemetry, W3C only), billing and ledger (B3
 * only, an older generation). shop writing W3C alone, billing finds no context it reads and the request breaks into
 * two traces; shop given a composite propagator (W3C + B3 multi, `OTEL_PROPAGATORS=tracecontext,b3multi`) writes
 * both and the trace is whole. Beside it, the hop's own context written by every dialect's real propagator.
 */
import type { SpanContext } from '@opentelemetry/api';
import { parseTraceparent } from '../../lib/traceparent';
import type { Headers } from '../../sim/http';
import { createMixedDialects, type MixedDialects } from '../../sim/mixed-dialects';
import { compositeOf, otelDialect } from '../../telemetry/dialects';
import { buildTraceModel } from '../../telemetry/trace-model';
import type { Demo } from '../demo';
import { traceIdOf } from '../kit/wire-traces';
import { createLiveDemo, type LiveSession, type LiveView } from '../live-demo';
import { DEMO_DIALECTS } from './demo-dialects';
import { createDialectsView, type MadeTrace } from './dialects-view';
import { headersInEveryDialect } from './every-dialect';

interface DialectsSession extends LiveSession {
  readonly system: MixedDialects;
  composite: boolean;
  orderNo: number | undefined;
  hop: Headers | undefined;
  /** The traces the last checkout's services answered from (their `traceresponse`), first seen first. */
  traceIds: string[];
}

interface DialectsDemoView extends LiveView<DialectsSession> {
  send(): Promise<void>;
  setComposite(on: boolean): void;
}

/** The hop's span context, read back from its `traceparent` (shop writes it in both modes). */
function hopContext(hop: Headers | undefined): SpanContext | undefined {
  const parsed = hop?.traceparent ? parseTraceparent(hop.traceparent) : undefined;
  return parsed?.ok ? { traceId: parsed.value.traceId, spanId: parsed.value.parentId, traceFlags: Number.parseInt(parsed.value.flags, 16) } : undefined;
}

export function createDialectsDemo(): Demo {
  return createLiveDemo<DialectsDemoView, DialectsSession>((live) => {
    const send = (): Promise<void> =>
      live.runOne(async (session, signal) => {
        session.world.sync();
        const orderNo = (session.orderNo ?? 1000) + 1;
        session.orderNo = orderNo;
        session.hop = undefined;
        session.traceIds = [];
        await session.system.checkout(orderNo);
        if (!signal.aborted) live.requestDraw();
      });

    return {
      mount(root) {
        const view = createDialectsView({
          send: () => void send().catch(live.fail),
          setComposite: (on) => {
            if (live.session) live.session.composite = on;
            live.requestDraw();
          },
          reset: () => live.reset(),
        });
        root.replaceChildren(view.element);
        return {
          send,
          setComposite(on) {
            if (live.session) live.session.composite = on;
          },
          draw(s) {
            const ctx = hopContext(s.hop);
            // In the order they began: shop's first, the one billing started after it.
            const models = s.traceIds.map((id) => buildTraceModel(s.world.store.getTrace(id), id)).sort((a, b) => a.startMs - b.startMs);
            const traces: MadeTrace[] = models.map((m) => ({
              traceId: m.traceId,
              rows: m.rows.map((r) => ({ depth: r.depth, text: `${r.span.serviceName}  ${r.span.kind.toLowerCase()}  ${r.span.name}` })),
            }));
            view.draw({ busy: live.busy, composite: s.composite, orderNo: s.orderNo, hop: s.hop, dialects: ctx ? headersInEveryDialect(ctx, DEMO_DIALECTS) : [], traces });
          },
          reset: () => view.reset(),
          showProblem: (message) => view.showProblem(message),
        };
      },
      connect(open) {
        const world = open({ demoId: 'dialects', speed: 1, seededIds: true });
        const w3c = otelDialect('w3c').make();
        const b3 = otelDialect('b3-multi').make();
        const both = compositeOf([w3c, b3]);
        const session: DialectsSession = {
          world,
          composite: false,
          orderNo: undefined,
          hop: undefined,
          traceIds: [],
          // Built below: the system reads `session.composite` at each call.
          system: undefined as unknown as MixedDialects,
        };
        const system = createMixedDialects({
          clock: world.clock,
          random: world.random,
          tracerFor: world.telemetry.tracerFor,
          shopWrites: () => (session.composite ? both : w3c),
          legacy: b3,
          shopReads: w3c,
        });
        Object.assign(session, { system, stop: () => system.stop() });
        // Not only while shown: print view and a checkout under way need every hop, and the network lives as long as the session.
        system.network.observe((e) => {
          if (e.direction === 'request' && e.target === 'billing:9411') session.hop = e.request.headers;
          const id = traceIdOf(e.response?.headers['traceresponse']);
          if (id && !session.traceIds.includes(id)) session.traceIds.push(id);
        });
        world.whileShown(() => world.store.subscribe(() => live.requestDraw()));
        return session;
      },
      /** On paper: one checkout with shop on W3C only, the broken case, so both traces and every dialect print. */
      print: (_session, view) => view.send(),
    };
  });
}
