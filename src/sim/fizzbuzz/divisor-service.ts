/**
 * `fizzer` and `buzzer`: one service each, the same code with another divisor. Each answers one question, "is n
 * divisible by my divisor?", and each is slow for the same, findable reason: it reads its rule from a slow config
 * store on every request (nobody cached it), 28–48 ms, and now and then (8%) the store is busy and the read takes
 * 80–140 ms more. The arithmetic itself takes no time at all.
 *
 * Automatic instrumentation (the framework's SERVER span, made by SimService) shows only that the service is slow.
 * Manual instrumentation adds two INTERNAL spans, `is divisible` around the business logic and `load rule`
 * around the read, which is what points at the read.
 */
import { SpanKind, type Span, type Tracer } from '@opentelemetry/api';
import { ATTR_USER_AGENT_ORIGINAL } from '@opentelemetry/semantic-conventions';
import { jsonResponse } from '../http';
import { HttpError, SimService, type ServiceOptions } from '../service';
import { parseNumberParam } from './rules';

export interface DivisorSpec {
  readonly name: string;
  readonly port: number;
  /** The route, e.g. `/fizz`. */
  readonly path: string;
  readonly divisor: number;
  /** Where the rule lives, recorded on the `load rule` span. */
  readonly ruleKey: string;
}

export const FIZZER: DivisorSpec = { name: 'fizzer', port: 6001, path: '/fizz', divisor: 3, ruleKey: 'rules/fizz' };
export const BUZZER: DivisorSpec = { name: 'buzzer', port: 6002, path: '/buzz', divisor: 5, ruleKey: 'rules/buzz' };

/**
 * Attribute names of the manual spans, after the bootcamp's `app.` names. `app` is in fact a semantic-conventions
 * namespace (`app.installation.id`, `app.screen.*`); the naming guide advises a reverse domain for your own.
 */
export const APP_ATTR = {
  number: 'app.fizzbuzz.number',
  divisor: 'app.fizzbuzz.divisor',
  divisible: 'app.fizzbuzz.divisible',
  result: 'app.fizzbuzz.result',
  ruleKey: 'app.rule.key',
} as const;

export function createDivisorService(
  opts: Omit<ServiceOptions, 'name' | 'host' | 'port'>,
  spec: DivisorSpec,
  manual: () => boolean,
  /** The tracer of the hand-made spans: the module's own, not the framework's (default: the framework's). */
  manualTracer: Tracer = opts.tracer,
): SimService {
  const { clock, random } = opts;

  /** Read the rule from the config store: the slow part. */
  async function loadRule(): Promise<number> {
    const busy = random.chance(0.08) ? random.between(80, 140) : 0;
    await clock.sleep(random.between(28, 48) + busy);
    return spec.divisor;
  }

  /** A hand-made span, ended on the simulated clock whatever happens inside. */
  function manualSpan<T>(name: string, attributes: Record<string, string | number>, body: (span: Span) => Promise<T>): Promise<T> {
    return manualTracer.startActiveSpan(name, { kind: SpanKind.INTERNAL, startTime: clock.now(), attributes }, async (span) => {
      try {
        return await body(span);
      } finally {
        span.end(clock.now());
      }
    });
  }

  return new SimService({ ...opts, name: spec.name, host: spec.name, port: spec.port }).route('GET', spec.path, async ({ query, request }) => {
    const parsed = parseNumberParam(query.get('n'));
    if (!parsed.ok) throw new HttpError(400, parsed.message);
    const { n } = parsed;
    let divisible: boolean;
    if (!manual()) {
      divisible = n % (await loadRule()) === 0;
    } else {
      const asked = {
        [APP_ATTR.number]: n,
        [APP_ATTR.divisor]: spec.divisor,
        ...(request.headers['user-agent'] ? { [ATTR_USER_AGENT_ORIGINAL]: request.headers['user-agent'] } : {}),
      };
      // #region manual-spans
      // By hand: a span around the business logic, with what we
      // will search by (asked: the number, the divisor, who asked),
      // and one around the step we suspect.
      const check = async (span: Span): Promise<boolean> => {
        const rule = { [APP_ATTR.ruleKey]: spec.ruleKey };
        // #region manual-calls
        const by = await manualSpan('load rule', rule, loadRule);
        // #endregion
        const result = n % by === 0;
        span.setAttribute(APP_ATTR.divisible, result);
        return result;
      };
      // #region manual-calls
      divisible = await manualSpan('is divisible', asked, check);
      // #endregion
      // #endregion
    }
    return jsonResponse(200, { number: n, result: divisible });
  });
}
