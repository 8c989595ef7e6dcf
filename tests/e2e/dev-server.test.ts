/**
 * The dev server (`npm start`) transforms code differently from the build: this checks that the active span still
 * survives `await` there, by sending a pairing request and requiring one trace from web through taster.
 */
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser';

let browser: Browser;
let server: ViteDevServer;
beforeAll(async () => {
  const root = resolve(import.meta.dirname, '../..');
  server = await createServer({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    server: { host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    logLevel: 'warn',
  });
  await server.listen();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('dev server', () => {
  it('keeps trace context across await: one trace from web to every taster call', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${server.resolvedUrls!.local[0]}#/console`);
    await page.waitForSelector('.present .rc-input', { timeout: 30_000 });
    const input = page.getByLabel('Request', { exact: true });
    await input.fill('/pair/beer?name=porter');
    await input.press('Enter');
    await expect.poll(() => page.textContent('.present .rc-status'), { timeout: 20_000 }).toMatch(/^HTTP\/1\.1 200/);
    await page.click('.present .rc-wire summary');
    const tps = await page.$$eval('.present .rc-wire-item', (items) =>
      items
        .filter((i) => i.querySelector('.rc-wire-route')?.textContent === 'web → taster:5001')
        .map((i) => i.querySelector('.rc-wire-tp')?.textContent ?? ''),
    );
    expect(tps.length).toBeGreaterThan(3);
    const traceIds = new Set(tps.map((t) => /^traceparent: 00-([0-9a-f]{32})-/.exec(t)?.[1]));
    expect(traceIds.size).toBe(1);
    expect([...traceIds][0]).toBeDefined();
    // The header names one trace: every span of the request is in it.
    expect(await page.textContent('.present .wf-root')).toMatch(/trace [0-9a-f]{8}/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
