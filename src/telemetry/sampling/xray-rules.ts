/**
 * AWS X-Ray's centralized sampling rules, evaluated per request as the X-Ray SDKs do (the JS one:
 * opentelemetry-js-contrib `sampler-aws-xray`): rules sorted by `Priority` (lower first, ties by `RuleName`), the
 * `Default` rule last; the first rule whose every field matches (wildcards `*` and `?`) applies. A rule keeps up to
 * its reservoir of requests each second, then `FixedRate` of the rest.
 *
 * The reservoir is global: X-Ray splits `ReservoirSize` among the hosts that run the service. A host that has no
 * target yet borrows one request per second; every 10 s it asks for targets (`GetSamplingTargets`) and from then on
 * uses the quota it was given. Here the "X-Ray service" is a function in the same fleet that splits each rule's
 * reservoir evenly among the hosts that reported requests, whole requests, the remainder to the first hosts.
 */

/** A rule as `aws xray create-sampling-rule` takes it (source 003's `aws/json/xray.json`). */
export interface SamplingRule {
  readonly RuleName: string;
  readonly ResourceARN: string;
  readonly Priority: number;
  readonly FixedRate: number;
  readonly ReservoirSize: number;
  readonly ServiceName: string;
  readonly ServiceType: string;
  readonly Host: string;
  readonly HTTPMethod: string;
  readonly URLPath: string;
  readonly Version: number;
}

/** The bootcamp's rule, as source 003 writes it. */
export const CRUDDUR_RULE: SamplingRule = Object.freeze({
  RuleName: 'Cruddur',
  ResourceARN: '*',
  Priority: 9000,
  FixedRate: 0.1,
  ReservoirSize: 5,
  ServiceName: 'backend-flask',
  ServiceType: '*',
  Host: '*',
  HTTPMethod: '*',
  URLPath: '*',
  Version: 1,
});

/** X-Ray's default rule: the first request each second and 5% of the others, priority 10000, matching everything. */
export const DEFAULT_RULE: SamplingRule = Object.freeze({
  RuleName: 'Default',
  ResourceARN: '*',
  Priority: 10000,
  FixedRate: 0.05,
  ReservoirSize: 1,
  ServiceName: '*',
  ServiceType: '*',
  Host: '*',
  HTTPMethod: '*',
  URLPath: '*',
  Version: 1,
});

/** What a request is matched on. */
export interface XRayRequest {
  readonly serviceName: string;
  readonly serviceType?: string;
  readonly host: string;
  readonly method: string;
  readonly urlPath: string;
  readonly resourceArn?: string;
}

/** `*` any run of characters, `?` exactly one; case-insensitive, as the X-Ray SDKs match. */
export function wildcardMatch(pattern: string, text: string): boolean {
  if (pattern === '*') return true;
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[\\s\\S]*').replace(/\?/g, '[\\s\\S]');
  return new RegExp(`^${source}$`, 'i').test(text);
}

export function ruleMatches(rule: SamplingRule, r: XRayRequest): boolean {
  return (
    wildcardMatch(rule.ServiceName, r.serviceName) &&
    wildcardMatch(rule.ServiceType, r.serviceType ?? '') &&
    wildcardMatch(rule.Host, r.host) &&
    wildcardMatch(rule.HTTPMethod, r.method) &&
    wildcardMatch(rule.URLPath, r.urlPath) &&
    wildcardMatch(rule.ResourceARN, r.resourceArn ?? '*')
  );
}

/** Rules in evaluation order: by priority, then name; `Default` always last (and added if missing). */
export function orderRules(rules: readonly SamplingRule[]): SamplingRule[] {
  const others = rules.filter((r) => r.RuleName !== 'Default');
  const def = rules.find((r) => r.RuleName === 'Default') ?? DEFAULT_RULE;
  others.sort((a, b) => a.Priority - b.Priority || (a.RuleName < b.RuleName ? -1 : a.RuleName > b.RuleName ? 1 : 0));
  return [...others, def];
}

/** How a request was decided: by the reservoir (borrowed before a target, or the host's quota), the fixed rate, or not. */
type XRayVia = 'borrowed' | 'reservoir' | 'fixed rate' | 'not sampled';

export interface XRayDecision {
  readonly sampled: boolean;
  readonly rule: string;
  readonly via: XRayVia;
  readonly host: string;
}

/** What one host reports for one rule, as `GetSamplingTargets`' statistics do. */
interface HostRuleStats {
  readonly requests: number;
  readonly sampled: number;
  readonly borrowed: number;
  /** The quota X-Ray gave this host for the rule; undefined while it has none (it borrows). */
  readonly quota: number | undefined;
}

export interface XRayFleetOptions {
  readonly rules: readonly SamplingRule[];
  /** The hosts (SDK instances) the service runs on; requests are spread over them in turn. */
  readonly hosts: readonly string[];
  /** Draws in [0, 1) for the fixed rate. */
  readonly random: () => number;
  /** How often a host asks for targets; 10 s in the SDKs. */
  readonly targetIntervalMs?: number;
}

interface HostRule {
  requests: number;
  sampled: number;
  borrowed: number;
  /** Requests reported since the last target poll: who gets a share. */
  recent: number;
  quota: number | undefined;
  second: number;
  usedThisSecond: number;
}

export interface XRayFleet {
  readonly rules: readonly SamplingRule[];
  readonly hosts: readonly string[];
  /** Decide a request at `nowMs` on the next host in turn (or on `host`). */
  decide(request: Omit<XRayRequest, 'host'> & { readonly host?: string }, nowMs: number, onHost?: string): XRayDecision;
  /** Per host, per rule name. */
  stats(): ReadonlyMap<string, ReadonlyMap<string, HostRuleStats>>;
}

export function createXRayFleet(opts: XRayFleetOptions): XRayFleet {
  const rules = orderRules(opts.rules);
  const hosts = opts.hosts.length > 0 ? [...opts.hosts] : ['host-1'];
  const interval = opts.targetIntervalMs ?? 10_000;
  const state = new Map(hosts.map((h) => [h, new Map(rules.map((r) => [r.RuleName, fresh()]))]));
  let turn = 0;
  let nextPollMs: number | undefined;

  function fresh(): HostRule {
    return { requests: 0, sampled: 0, borrowed: 0, recent: 0, quota: undefined, second: Number.NaN, usedThisSecond: 0 };
  }

  /** X-Ray's side: split each rule's reservoir among the hosts that asked for it lately. */
  function assignTargets(): void {
    for (const rule of rules) {
      const active = hosts.filter((h) => state.get(h)!.get(rule.RuleName)!.recent > 0);
      const share = Math.floor(rule.ReservoirSize / Math.max(1, active.length));
      let remainder = rule.ReservoirSize - share * active.length;
      for (const h of active) {
        const s = state.get(h)!.get(rule.RuleName)!;
        s.quota = share + (remainder > 0 ? 1 : 0);
        if (remainder > 0) remainder--;
        s.recent = 0;
      }
    }
  }

  return {
    rules,
    hosts,
    decide(request, nowMs, onHost) {
      if (nextPollMs === undefined) nextPollMs = nowMs + interval;
      while (nowMs >= nextPollMs) {
        assignTargets();
        nextPollMs += interval;
      }
      const host = onHost ?? hosts[turn++ % hosts.length]!;
      const full: XRayRequest = { ...request, host: request.host ?? host };
      const rule = rules.find((r) => ruleMatches(r, full)) ?? rules[rules.length - 1]!;
      const s = state.get(host)?.get(rule.RuleName) ?? fresh();
      s.requests++;
      s.recent++;
      const second = Math.floor(nowMs / 1000);
      if (second !== s.second) {
        s.second = second;
        s.usedThisSecond = 0;
      }
      // Before a target: one a second, borrowed, for a rule with any reservoir. After: the quota it was given.
      const perSecond = s.quota ?? (rule.ReservoirSize > 0 ? 1 : 0);
      let via: XRayVia;
      if (s.usedThisSecond < perSecond) {
        s.usedThisSecond++;
        via = s.quota === undefined ? 'borrowed' : 'reservoir';
        if (via === 'borrowed') s.borrowed++;
      } else via = opts.random() < rule.FixedRate ? 'fixed rate' : 'not sampled';
      const sampled = via !== 'not sampled';
      if (sampled) s.sampled++;
      return { sampled, rule: rule.RuleName, via, host };
    },
    stats: () =>
      new Map(
        [...state].map(([h, byRule]) => [
          h,
          new Map([...byRule].map(([name, s]) => [name, { requests: s.requests, sampled: s.sampled, borrowed: s.borrowed, quota: s.quota }])),
        ]),
      ),
  };
}

/** The problems of a rule as typed (JSON text), or the rule. */
export function parseRule(text: string): { ok: true; rule: SamplingRule } | { ok: false; message: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  const body = (parsed as { SamplingRule?: unknown } | null)?.SamplingRule ?? parsed;
  if (typeof body !== 'object' || body === null) return { ok: false, message: 'a rule is an object' };
  const r = { ...CRUDDUR_RULE, ...(body as Record<string, unknown>) } as Record<string, unknown>;
  for (const key of ['Priority', 'FixedRate', 'ReservoirSize'] as const) {
    if (typeof r[key] !== 'number' || !Number.isFinite(r[key])) return { ok: false, message: `${key} must be a number` };
  }
  if ((r.FixedRate as number) < 0 || (r.FixedRate as number) > 1) return { ok: false, message: 'FixedRate is between 0 and 1' };
  if ((r.ReservoirSize as number) < 0) return { ok: false, message: 'ReservoirSize cannot be negative' };
  for (const key of ['RuleName', 'ServiceName', 'ServiceType', 'Host', 'HTTPMethod', 'URLPath', 'ResourceARN'] as const) {
    if (typeof r[key] !== 'string') return { ok: false, message: `${key} must be a string` };
  }
  return { ok: true, rule: r as unknown as SamplingRule };
}
