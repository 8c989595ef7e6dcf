/**
 * `?otlp` end to end: a local OTLP/HTTP recorder on loopback, `vite preview` started with `OTLP_ENDPOINT` pointing
 * at it (its proxy passes /v1/traces on), the deck opened with `?otlp`, a request sent, and spans of every service
 * of the matchmaker found in what the recorder received, as OTLP/JSON from the real exporter. Then the same build
 * from a plain static server: the deck says `?otlp` needs a proxy, once, and the demo still works.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MATCHMAKER_SERVICES } from '../../src/sim/matchmaker';
import { launchBrowser } from './browser';

const ROOT = resolve(import.meta.dirname, '../..');

interface Received {
  readonly path: string;
  readonly contentType: string;
  readonly body: { resourceSpans?: Array<{ resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> }; scopeSpans: Array<{ spans: unknown[] }> }> };
}

const listen = (server: Server): Promise<number> =>
  new Promise((ok) => server.listen(0, '127.0.0.1', () => ok((server.address() as AddressInfo).port)));

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A free loopback port: bound, read and released. */
async function freePort(): Promise<number> {
  const probe = createServer();
  const port = await listen(probe);
  await new Promise((ok) => probe.close(ok));
  return port;
}

let browser: Browser;
let recorder: Server;
let received: Received[] = [];
let preview: ChildProcess | undefined;
let previewUrl = '';
let staticServer: Server;
let staticUrl = '';

beforeAll(async () => {
  recorder = createServer((req, res) => {
    void readBody(req).then((text) => {
      try {
        received.push({ path: req.url ?? '', contentType: req.headers['content-type'] ?? '', body: JSON.parse(text) as Received['body'] });
      } catch {
        received.push({ path: req.url ?? '', contentType: req.headers['content-type'] ?? '', body: {} });
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const recorderPort = await listen(recorder);
  const port = await freePort();
  preview = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    env: { ...process.env, OTLP_ENDPOINT: `http://127.0.0.1:${recorderPort}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  previewUrl = `http://127.0.0.1:${port}/`;
  // Ready when it serves the deck.
  for (let i = 0; i < 120; i++) {
    const ok = await fetch(previewUrl).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  // The same build from a server that only serves files: no /v1/traces behind it.
  const dist = join(ROOT, 'dist');
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.wasm': 'application/wasm', '.json': 'application/json' };
  staticServer = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = join(dist, path === '/' ? 'index.html' : path);
    if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  staticUrl = `http://127.0.0.1:${await listen(staticServer)}/`;
  browser = await launchBrowser();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  if (preview?.pid !== undefined && preview.exitCode === null) preview.kill('SIGTERM');
  await new Promise((ok) => recorder?.close(ok));
  await new Promise((ok) => staticServer?.close(ok));
});

async function sendPairing(page: Page): Promise<void> {
  await page.waitForSelector('.present [data-demo="request-console"] .rc-input', { timeout: 30_000 });
  const input = page.getByLabel('Request', { exact: true });
  await input.fill('/pair/beer?name=ipa');
  await input.press('Enter');
  await expect.poll(() => page.textContent('.present .rc-status'), { timeout: 20_000 }).toMatch(/^HTTP\/1\.1 200/);
}

const servicesIn = (all: readonly Received[]): Set<string> =>
  new Set(
    all.flatMap((r) =>
      (r.body.resourceSpans ?? [])
        .filter((rs) => rs.scopeSpans.some((s) => s.spans.length > 0))
        .map((rs) => rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? ''),
    ),
  );

describe('?otlp', () => {
  it("sends every service's spans through the real OTLP/HTTP exporter and the preview's proxy", async () => {
    received = [];
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${previewUrl}?otlp#/console`);
    await sendPairing(page);
    await expect.poll(() => [...servicesIn(received)].sort(), { timeout: 20_000 }).toEqual([...MATCHMAKER_SERVICES].sort());
    expect(received.every((r) => r.path === '/v1/traces' && r.contentType.startsWith('application/json'))).toBe(true);
    // Nothing went wrong, so nothing was said.
    expect(await page.locator('.deck-notice').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('says once, from a static server, that ?otlp needs a proxy, and the demos go on', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${staticUrl}?otlp#/console`);
    await expect.poll(() => page.locator('.deck-notice').allTextContents(), { timeout: 20_000 }).toEqual([expect.stringContaining('needs')]);
    await sendPairing(page);
    // The exporter's own failures (404s) are not told again.
    await page.waitForTimeout(2500);
    expect(await page.locator('.deck-notice').count()).toBe(1);
    await page.close();
  });
});
