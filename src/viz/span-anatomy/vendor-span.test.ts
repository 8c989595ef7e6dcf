import { describe, expect, it } from 'vitest';
import { makeSpan } from '../../../tests/factories/make-span';
import { msToEpochNanos, nanosToEpochSeconds, nanosToSeconds, vendorName, vendorResource, vendorService, vendorType } from './vendor-span';

describe('vendor-span', () => {
  it('turns epoch ms into exact epoch ns, splitting as the SDK does', () => {
    expect(msToEpochNanos(1_700_000_000_000)).toBe('1700000000000000000');
    expect(msToEpochNanos(1_700_000_000_001.5)).toBe('1700000000001500000');
    expect(msToEpochNanos(0.000001)).toBe('1');
  });

  it('prints a duration in seconds with microseconds, as the debug form does', () => {
    expect(nanosToEpochSeconds('1505868314683935400')).toBe('1505868314.6839354');
    expect(nanosToEpochSeconds('1700000000000000000')).toBe('1700000000.0000000');
    expect(nanosToEpochSeconds('5')).toBe('0.0000000');
    expect(nanosToSeconds('1000', '53709000')).toBe('0.053708s');
    expect(nanosToSeconds('0', '2000000000')).toBe('2.000000s');
    expect(nanosToSeconds('5000', '0')).toBe('-0.000005s');
  });

  //   web GET /beers/{name} (SERVER) ── web SELECT beers (CLIENT, postgresql) ── web HGETALL (CLIENT, redis)
  it('names, types and resources the three kinds of span the matchmaker makes', () => {
    const server = makeSpan({ id: '1', kind: 'SERVER', name: 'GET /beers/{name}', attributes: { 'http.request.method': 'GET', 'http.route': '/beers/{name}' } });
    const sql = makeSpan({ id: '2', kind: 'CLIENT', name: 'SELECT beers', attributes: { 'db.system.name': 'postgresql', 'db.query.text': 'SELECT 1' } });
    const redis = makeSpan({ id: '3', kind: 'CLIENT', name: 'HGETALL', attributes: { 'db.system.name': 'redis', 'db.query.text': 'HGETALL donut:jelly' } });
    const client = makeSpan({ id: '4', kind: 'CLIENT', name: 'GET /taste', attributes: { 'http.request.method': 'GET', 'url.template': '/taste' } });
    const internal = makeSpan({ id: '5', name: 'match' });
    expect([server, sql, redis, client, internal].map(vendorType)).toEqual(['http', 'sql', 'redis', 'http', 'custom']);
    expect([server, sql, redis, client, internal].map(vendorName)).toEqual([
      'flask.request', 'postgres.query', 'redis.command', 'requests.request', 'internal',
    ]);
    expect([server, sql, redis, client, internal].map(vendorResource)).toEqual([
      { value: 'GET /beers/{name}', from: 'http.route' },
      { value: 'SELECT 1', from: 'db.query.text' },
      { value: 'HGETALL donut:jelly', from: 'db.query.text' },
      { value: 'GET /taste', from: 'url.template' },
      { value: 'match', from: 'name' },
    ]);
  });
});

describe('vendorService', () => {
  it('gives datastore spans a service of their own, as the workshop tracer did, and others their process', () => {
    expect(vendorService(makeSpan({ id: 'q', attributes: { 'db.system.name': 'postgresql' } }))).toBe('postgres');
    expect(vendorService(makeSpan({ id: 'r', attributes: { 'db.system.name': 'redis' } }))).toBe('redis');
    expect(vendorService(makeSpan({ id: 'h', serviceName: 'web', attributes: { 'http.request.method': 'GET' } }))).toBe('web');
  });
});
