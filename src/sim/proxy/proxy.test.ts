/**
 * The nginx-like proxy in front of the matchmaker, on a virtual clock: the id stamped, passed on, returned and
 * logged, as its configuration says; nginx's own answers when web is gone; and the configuration printed as nginx
 * would read it.
 */
import { describe, expect, it } from 'vitest';
import { installGlobalContext } from '../../telemetry/global-context';
import { SpanStore } from '../../telemetry/span-store';
import { createTelemetry } from '../../telemetry/telemetry';
import { runUntilIdle, VirtualClock } from '../clock';
import type { WireEvent } from '../network';
import { createRandom } from '../random';
import { REQUEST_ID_CONFIG, renderNginxConfig } from './nginx-config';
import { createProxiedMatchmaker, proxyUrl, type ProxiedMode } from './proxied-matchmaker';

const T0 = Date.UTC(2026, 11, 1, 22, 41, 7);

function harness(mode: ProxiedMode, seed = 42) {
  installGlobalContext();
  const clock = new VirtualClock(T0);
  const store = new SpanStore();
  const telemetry = createTelemetry({ store });
  const system = createProxiedMatchmaker({ clock, random: createRandom(seed), tracerFor: telemetry.tracerFor, mode });
  const wire: WireEvent[] = [];
  system.matchmaker.network.observe((e) => wire.push(e));
  const get = async (path: string) => {
    const pending = system.send({ method: 'GET', url: proxyUrl(path), headers: { 'user-agent': 'curl/8.5.0', accept: '*/*' } });
    await runUntilIdle(clock);
    return pending;
  };
  return { clock, store, system, wire, get };
}

describe('the nginx-like proxy', () => {
  it('stamps a 32-hex $request_id, passes it to web, returns it, and both logs carry it', async () => {
    const h = harness('request-id');
    const res = await h.get('/pair/beer?name=ipa');
    expect(res.status).toBe(200);
    const id = res.headers['x-request-id']!;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(res.headers['server']).toBe('nginx');

    const toWeb = h.wire.find((e) => e.direction === 'request' && e.target === 'web:5000')!;
    expect(toWeb.request.headers['x-request-id']).toBe(id);
    expect(toWeb.request.headers['host']).toBe('appserver');
    expect(toWeb.request.headers['connection']).toBe('close');
    expect(toWeb.request.headers['user-agent']).toBe('curl/8.5.0');

    const [access] = h.system.accessLog.all();
    expect(access!.requestId).toBe(id);
    expect(access!.text).toMatch(
      new RegExp(`^172\\.18\\.0\\.1 - - \\[01/Dec/2026:22:41:07 \\+0000\\] "GET /pair/beer\\?name=ipa HTTP/1\\.1" 200 \\d+ "-" "curl/8\\.5\\.0" "-" ${id}$`),
    );
    const app = h.system.appLog.all();
    expect(app.length).toBeGreaterThan(3);
    expect(app.every((l) => l.requestId === id && l.text.startsWith(`req: ${id}, `))).toBe(true);
    expect(app.at(-1)!.text).toMatch(/function pair took \d\.\d{3} seconds$/);
    // The access log line is written after the response is sent: after every app line.
    expect(access!.atMs).toBeGreaterThanOrEqual(app.at(-1)!.atMs);
    // Manual tracing makes no spans.
    expect(h.store.traceCount).toBe(0);
  });

  it('gives every request its own id', async () => {
    const h = harness('request-id');
    const a = await h.get('/beers');
    const b = await h.get('/beers');
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('returns the id only on the codes add_header covers, and answers 502 itself when web is down', async () => {
    const h = harness('request-id');
    const missing = await h.get('/beers/lager');
    expect(missing.status).toBe(404);
    expect(missing.headers['x-request-id']).toBeUndefined(); // no `always`
    expect(h.system.accessLog.all()[0]!.requestId).toMatch(/^[0-9a-f]{32}$/); // still logged

    h.system.matchmaker.faults.set({ down: ['web'] });
    const gone = await h.get('/beers');
    expect(gone.status).toBe(502);
    expect(gone.body).toContain('<center>nginx</center>');
    const line = h.system.accessLog.all()[1]!;
    expect(line.text).toContain('"GET /beers HTTP/1.1" 502 ');
    expect(h.system.appLog.all().some((l) => l.requestId === line.requestId)).toBe(false); // web never saw it
  });

  it('prints its configuration as nginx reads it, with the directives it obeys', () => {
    const text = renderNginxConfig(REQUEST_ID_CONFIG);
    expect(text).toContain('add_header X-Request-ID $request_id;');
    expect(text).toContain('proxy_set_header X-Request-ID $request_id;');
    expect(text).toContain('proxy_pass http://appserver;');
    expect(text).toContain('access_log /var/log/nginx/access_trace.log trace;');
    expect(text).toMatch(/^log_format trace '\$remote_addr - \$remote_user/);
    expect(text.replace(/'\s*\n\s*'/g, '')).toContain("\"$http_x_forwarded_for\" $request_id';");
    // Balanced braces, every directive ends in ; or a brace.
    expect(text.split('{').length).toBe(text.split('}').length);
    for (const l of text.split('\n').filter((x) => x.trim() && !x.trim().startsWith("'"))) expect(l.trim()).toMatch(/[;{}']$|^log_format/);
  });

  it('in blackbox mode logs no id anywhere, and each service writes one line per request it served', async () => {
    const h = harness('blackbox');
    const res = await h.get('/pair/beer?name=ipa');
    expect(res.headers['x-request-id']).toBeUndefined();
    const toWeb = h.wire.find((e) => e.direction === 'request' && e.target === 'web:5000')!;
    expect(toWeb.request.headers['x-request-id']).toBeUndefined();
    const lines = h.system.served.all();
    const tasted = (JSON.parse(res.body) as { tasted: number }).tasted;
    expect(lines.filter((l) => l.service === 'taster')).toHaveLength(tasted);
    expect(lines.filter((l) => l.service === 'web')).toHaveLength(1);
    expect(lines.filter((l) => l.service === 'nginx')).toHaveLength(1);
    expect(h.system.accessLog.all()[0]!.text).toMatch(/^\d+\.\d{3} \d\.\d{3} "GET \/pair\/beer\?name=ipa HTTP\/1\.1" 200 \d+$/);
    for (const l of lines) expect(l.text).not.toMatch(/[0-9a-f]{32}/);
  });
});
