/**
 * A Redis-like key-value server in memory (strings, hashes, sets) and a client whose commands take time and make
 * spans, as an instrumented Redis client would.
 */
import type { Attributes } from '@opentelemetry/api';
import { datastoreCall, type DatastoreEndpoint } from './datastore-span';

type Value = string | Map<string, string> | Set<string>;

export class RedisServer {
  private readonly data = new Map<string, Value>();
  /** When a key with a TTL expires, epoch ms (Redis's `PX`); read lazily on access, as Redis's passive expiry is. */
  private readonly expiresAtMs = new Map<string, number>();

  /** `SET key value [PX ttl]`: a string, expiring `ttlMs` after `nowMs` when a TTL is given. */
  set(key: string, value: string, nowMs: number, ttlMs?: number): void {
    this.data.set(key, value);
    if (ttlMs !== undefined && ttlMs > 0) this.expiresAtMs.set(key, nowMs + ttlMs);
    else this.expiresAtMs.delete(key);
  }

  /** `GET key`: the string, or undefined when absent or expired at `nowMs`. */
  get(key: string, nowMs: number): string | undefined {
    const expires = this.expiresAtMs.get(key);
    if (expires !== undefined && nowMs >= expires) {
      this.data.delete(key);
      this.expiresAtMs.delete(key);
      return undefined;
    }
    const value = this.data.get(key);
    if (value === undefined) return undefined;
    if (typeof value !== 'string') throw wrongType();
    return value;
  }

  hset(key: string, fields: Readonly<Record<string, string | number>>): void {
    const hash = this.data.get(key);
    const target = hash instanceof Map ? hash : new Map<string, string>();
    for (const [f, v] of Object.entries(fields)) target.set(f, String(v));
    this.data.set(key, target);
  }

  hgetall(key: string): Record<string, string> {
    const hash = this.data.get(key);
    if (hash === undefined) return {};
    if (!(hash instanceof Map)) throw wrongType();
    return Object.fromEntries(hash);
  }

  sadd(key: string, ...members: string[]): void {
    const set = this.data.get(key);
    const target = set instanceof Set ? set : new Set<string>();
    members.forEach((m) => { target.add(m); });
    this.data.set(key, target);
  }

  srem(key: string, ...members: string[]): void {
    const set = this.data.get(key);
    if (set instanceof Set) members.forEach((m) => { set.delete(m); });
  }

  smembers(key: string): string[] {
    const set = this.data.get(key);
    if (set === undefined) return [];
    if (!(set instanceof Set)) throw wrongType();
    return [...set].sort();
  }
}

function wrongType(): Error {
  const e = new Error('WRONGTYPE Operation against a key holding the wrong kind of value');
  e.name = 'ReplyError';
  return e;
}

export class RedisClient {
  constructor(
    private readonly server: RedisServer,
    private readonly endpoint: Omit<DatastoreEndpoint, 'system' | 'namespace'>,
  ) {}

  hgetall(key: string): Promise<Record<string, string>> {
    return this.command('HGETALL', key, () => this.server.hgetall(key));
  }

  smembers(key: string): Promise<string[]> {
    return this.command('SMEMBERS', key, () => this.server.smembers(key));
  }

  /** `GET key`; `describe` adds attributes from the answer (a cache says hit or miss). */
  get(key: string, describe?: (value: string | undefined) => Attributes): Promise<string | undefined> {
    const { clock } = this.endpoint;
    return this.command('GET', key, () => this.server.get(key, clock.now()), describe);
  }

  /** `SET key value PX ttl`; the value is not in the query text, as instrumentations leave values out. */
  set(key: string, value: string, ttlMs: number): Promise<void> {
    const { clock } = this.endpoint;
    return this.command('SET', key, () => this.server.set(key, value, clock.now(), ttlMs), undefined, `SET ${key} ? PX ${ttlMs}`);
  }

  private command<T>(op: string, key: string, run: () => T, resultAttributes?: (result: T) => Attributes, queryText = `${op} ${key}`): Promise<T> {
    return datastoreCall(
      { ...this.endpoint, system: 'redis', namespace: '0' },
      // Redis answers from memory: a fraction of a millisecond of work.
      { spanName: op, operation: op, queryText, serviceMs: 0.2, run, ...(resultAttributes ? { resultAttributes } : {}) },
    );
  }
}
