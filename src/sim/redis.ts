/**
 * A Redis-like key-value server in memory (strings, hashes, sets) and a client whose commands take time and make
 * spans, as an instrumented Redis client would.
 */
import { datastoreCall, type DatastoreEndpoint } from './datastore-span';

type Value = string | Map<string, string> | Set<string>;

export class RedisServer {
  private readonly data = new Map<string, Value>();

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

  private command<T>(op: string, key: string, run: () => T): Promise<T> {
    return datastoreCall(
      { ...this.endpoint, system: 'redis', namespace: '0' },
      // Redis answers from memory: a fraction of a millisecond of work.
      { spanName: op, operation: op, queryText: `${op} ${key}`, serviceMs: 0.2, run },
    );
  }
}
