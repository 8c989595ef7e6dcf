import { describe, expect, it } from 'vitest';
import { parseCommand, tokenize } from './parse-command';

const PUBLISHED = ['localhost:5000', 'localhost:5001'];
const ok = (input: string) => {
  const r = parseCommand(input, PUBLISHED);
  if (!r.ok) throw new Error(`expected ${input} to parse: ${r.message}`);
  return r.request;
};
const message = (input: string) => {
  const r = parseCommand(input, PUBLISHED);
  if (r.ok) throw new Error(`expected ${input} to be refused`);
  return r.message;
};

describe('parseCommand', () => {
  it('reads the workshop commands', () => {
    expect(ok('curl -XGET localhost:5000/pair/beer?name=ipa')).toMatchObject({
      method: 'GET',
      published: 'localhost:5000',
      pathAndQuery: '/pair/beer?name=ipa',
    });
    expect(ok('curl localhost:5000/beers').pathAndQuery).toBe('/beers');
    expect(ok('curl -X GET http://127.0.0.1:5001/taste?beer=ipa&donut=jelly').published).toBe('localhost:5001');
    expect(ok("curl -s 'localhost:5000/donuts/jelly'").pathAndQuery).toBe('/donuts/jelly');
  });

  it('reads a bare path or a method and path as a request to web', () => {
    expect(ok('/donuts/jelly').display).toBe('localhost:5000/donuts/jelly');
    expect(ok('  GET /beers  ').pathAndQuery).toBe('/beers');
    expect(ok('localhost:5000/beers/stout').pathAndQuery).toBe('/beers/stout');
  });

  it('keeps headers given with -H, lower-cased', () => {
    const r = ok("curl -H 'traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' localhost:5000/beers");
    expect(r.headers).toEqual({ traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
  });

  it('explains what is wrong instead of failing', () => {
    expect(message('')).toMatch(/Type a request/);
    expect(message('curl -XPOST localhost:5000/beers')).toMatch(/POST is not supported/);
    expect(message('DELETE /beers')).toMatch(/DELETE is not supported/);
    expect(message('curl example.com/beers')).toMatch(/Could not resolve host: example\.com/);
    expect(message('curl localhost:8080/beers')).toMatch(/port 8080/);
    expect(message('curl http://[zz/beers')).toMatch(/Malformed URL/);
    expect(message('curl ftp://localhost:5000/beers')).toMatch(/Only http/);
    expect(message('curl -d x=1 localhost:5000/beers')).toMatch(/option -d is not supported/);
    expect(message('curl')).toMatch(/no URL/);
    expect(message('curl "localhost:5000/beers')).toMatch(/quote/);
    expect(message('hello there world')).toMatch(/Malformed URL/);
    expect(message('/beers\u0000')).toMatch(/control characters/);
    expect(message('x'.repeat(1_000_000))).toMatch(/1,000,000 characters/);
  });

  it('passes markup through as data, for the page to show as text', () => {
    const r = ok('/beers/<img src=x onerror=alert(1)>');
    expect(decodeURIComponent(r.pathAndQuery)).toBe('/beers/<img src=x onerror=alert(1)>');
  });
});

describe('tokenize', () => {
  it('splits on spaces and honours quotes', () => {
    expect(tokenize(`curl -H "a: b c" 'x y'`)).toEqual(['curl', '-H', 'a: b c', 'x y']);
    expect(tokenize('a "unclosed')).toBeUndefined();
  });
});
