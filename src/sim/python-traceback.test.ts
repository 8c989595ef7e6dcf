import { describe, expect, it } from 'vitest';
import { clientException, formatTraceback, markRaised, raisedOf, serverException, viewFunction } from './python-traceback';

describe('Python tracebacks of the simulated Flask services', () => {
  it('names the view function Flask dispatches a route to', () => {
    expect(viewFunction('/pair/beer')).toBe('pair_beer');
    expect(viewFunction('/beers/{name}')).toBe('beer');
    expect(viewFunction('/beers')).toBe('beers');
    expect(viewFunction('/')).toBe('index');
  });

  it('a refused database: Flask, the handler, then psycopg2 down to the raise, most recent call last', () => {
    const inner = clientException({ library: 'psycopg2', host: 'db', port: 5432, code: 'ECONNREFUSED' }, 'connect ECONNREFUSED db:5432');
    const text = formatTraceback(serverException('web', '/beers/{name}', new Error(inner.message), inner));
    const lines = text.split('\n');
    expect(lines[0]).toBe('Traceback (most recent call last):');
    expect(text).toMatch(/flask\/app\.py", line \d+, in dispatch_request[\s\S]*\/app\/web\/app\.py", line \d+, in beer[\s\S]*psycopg2\/__init__\.py", line \d+, in connect/);
    expect(lines.at(-1)).toBe('psycopg2.OperationalError: connect ECONNREFUSED db:5432');
    expect(text).not.toMatch(/\.js|<anonymous>|http:\/\//);
  });

  it('requests: a refused call and a read timeout raise different classes', () => {
    expect(clientException({ library: 'requests', host: 'taster', port: 5001, code: 'ECONNREFUSED' }, 'x').type).toBe('requests.exceptions.ConnectionError');
    expect(clientException({ library: 'requests', host: 'taster', port: 5001, code: 'ETIMEDOUT' }, 'x').type).toBe('requests.exceptions.ReadTimeout');
    expect(clientException({ library: 'redis', host: 'redis', port: 6379 }, 'x').type).toBe('redis.exceptions.ConnectionError');
  });

  it('a handler’s own raise: its class, or RuntimeError for a bare error, on the handler’s line', () => {
    const pairing = Object.assign(new Error("could not pair 'ipa'"), { name: 'PairingError' });
    const own = formatTraceback(serverException('web', '/pair/beer', pairing));
    expect(own).toContain('in pair_beer\n    raise PairingError(message)\n');
    expect(own.split('\n').at(-1)).toBe("PairingError: could not pair 'ipa'");
    expect(serverException('taster', '/taste', new Error('injected fault')).type).toBe('RuntimeError');
  });

  it('carries the raised exception on the error a client call lets through, once', () => {
    const error = new Error('boom');
    const first = clientException({ library: 'redis', host: 'redis', port: 6379 }, 'boom');
    markRaised(error, first);
    markRaised(error, clientException({ library: 'psycopg2', host: 'db', port: 5432 }, 'boom'));
    expect(raisedOf(error)).toBe(first);
    expect(raisedOf('not an object')).toBeUndefined();
  });
});
