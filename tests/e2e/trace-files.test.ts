/**
 * Trace files in and out, in the built deck: a trace made on the console slide is downloaded as OTLP/JSON, opened
 * again on the "Open a trace file" slide (by the file input and by drag and drop) and drawn as the same tree; its SVG
 * export is a standalone picture with the trace's text and no script; the Zipkin sample opens; a bad file says why.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticTrace } from '../../bench/synthetic-trace';
import { toOtlpJson } from '../../src/telemetry/trace-files/otlp-json-out';
import { readTraceFile } from '../../src/telemetry/trace-files/read-trace-file';
import { buildTraceModel } from '../../src/telemetry/trace-model';
import { launchBrowser, openDeck, readWholeTree } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download') as Promise<Download>, click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

interface OtlpDoc {
  resourceSpans: Array<{ resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> }; scopeSpans: Array<{ spans: Array<{ traceId: string; kind: number; startTimeUnixNano: string }> }> }>;
}

describe('trace files', () => {
  it('downloads the console trace as OTLP/JSON, opens it again as the same tree, and exports it as SVG', async () => {
    const deck = await openDeck(browser, '#/console');
    const { page } = deck;
    await page.waitForSelector('.present [data-demo="request-console"] .rc-input');
    const input = page.getByLabel('Request', { exact: true });
    await input.fill('/pair/beer?name=ipa');
    await input.press('Enter');
    await expect.poll(async () => (await readWholeTree(page))[0]?.label ?? '', { timeout: 20_000 }).toMatch(/^web GET \/pair\/beer/);
    // Let the last spans land: the tree stops growing.
    let made = await readWholeTree(page);
    await expect.poll(async () => {
      const now = await readWholeTree(page);
      const same = now.length === made.length;
      made = now;
      return same;
    }, { timeout: 10_000 }).toBe(true);

    const file = await downloadText(page, () => page.locator('.present .trace-download').click());
    expect(file.name).toMatch(/^trace-[0-9a-f]{32}\.otlp\.json$/);
    const doc = JSON.parse(file.text) as OtlpDoc;
    const services = doc.resourceSpans.map((r) => r.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue);
    expect(new Set(services).size).toBe(services.length);
    expect(services).toEqual(expect.arrayContaining(['web', 'taster']));
    const spans = doc.resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));
    expect(spans).toHaveLength(made.length);
    expect(spans.every((s) => /^[0-9a-f]{32}$/.test(s.traceId) && /^\d{19}$/.test(s.startTimeUnixNano) && Number.isInteger(s.kind))).toBe(true);

    await page.evaluate(() => {
      window.location.hash = '#/trace-files';
    });
    await page.waitForSelector('.present [data-demo="trace-files"] .trace-file-input');
    await page.locator('.present .trace-file-input').setInputFiles({ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) });
    await expect.poll(() => page.textContent('.present .tf-status'), { timeout: 20_000 }).toMatch(/OTLP\/JSON, \d+ spans in 1 trace/);
    const opened = await readWholeTree(page);
    expect(opened).toEqual(made);
    expect(await page.getAttribute('.present [data-demo="trace-files"]', 'data-demo-ran')).toBe('');

    const svg = await downloadText(page, () => page.locator('.present .tf-waterfall .trace-export-svg').click());
    expect(svg.name).toMatch(/^trace-[0-9a-f]{32}\.svg$/);
    const parsed = await page.evaluate((text) => {
      const d = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: d.querySelector('parsererror')?.textContent ?? null,
        root: d.documentElement.localName,
        scripts: d.querySelectorAll('script, foreignObject').length,
        handlers: [...d.querySelectorAll('*')].some((e) => [...e.attributes].some((a) => a.name.startsWith('on'))),
        texts: [...d.querySelectorAll('text')].map((t) => t.textContent ?? ''),
        bars: d.querySelectorAll('rect[rx]').length,
      };
    }, svg.text);
    expect(parsed).toMatchObject({ error: null, root: 'svg', scripts: 0, handlers: false });
    expect(parsed.bars).toBe(made.length);
    expect(parsed.texts.some((t) => t.startsWith('web: GET /pair/beer'))).toBe(true);
    expect(deck.problems).toEqual([]);
    expect(await deck.cspViolations()).toEqual([]);
    await page.close();
  });

  it('opens the Zipkin sample and a dropped Jaeger file; a bad file gets its message and draws nothing', async () => {
    const deck = await openDeck(browser, '#/trace-files');
    const { page } = deck;
    await page.waitForSelector('.present [data-demo="trace-files"] .tf-sample');

    await page.locator('.present .trace-file-input').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
    await expect.poll(() => page.textContent('.present .demo-problem'), { timeout: 20_000 }).toContain('notes.json: The file is JSON, but not a trace');
    expect(await page.locator('.present [role="treeitem"]').count()).toBe(0);

    await page.locator('.present .tf-sample').click();
    await expect.poll(() => page.textContent('.present .tf-status')).toMatch(/^zipkin-sample\.json: Zipkin v2 JSON, 5 spans in 1 trace/);
    expect((await readWholeTree(page)).map((r) => `${r.level} ${r.label.split(',')[0]}`)).toEqual([
      expect.stringMatching(/^1 frontend get \/$/),
      expect.stringMatching(/^2 frontend get \/api$/),
      expect.stringMatching(/^3 backend get \/api$/),
      expect.stringMatching(/^4 backend select users$/),
      expect.stringMatching(/^2 frontend get \/recommendations/),
    ]);

    // Drag and drop: a Jaeger file dropped on the demo's box.
    const jaeger = JSON.stringify({
      data: [
        {
          traceID: 'f77950feed55c1ce91dd8e87896623a6',
          processes: { p1: { serviceName: 'jaeger-svc', tags: [] } },
          spans: [
            { traceID: 'f77950feed55c1ce91dd8e87896623a6', spanID: '0000000000000010', operationName: 'root', references: [], startTime: 1000, duration: 34000, tags: [], logs: [], processID: 'p1' },
            {
              traceID: 'f77950feed55c1ce91dd8e87896623a6',
              spanID: '0000000000000011',
              operationName: 'child',
              references: [{ refType: 'CHILD_OF', traceID: 'f77950feed55c1ce91dd8e87896623a6', spanID: '0000000000000010' }],
              startTime: 1010,
              duration: 20000,
              tags: [],
              logs: [],
              processID: 'p1',
            },
          ],
        },
      ],
    });
    await page.evaluate((text) => {
      const target = document.querySelector('.present .tf-drop')!;
      const data = new DataTransfer();
      data.items.add(new File([text], 'jaeger.json', { type: 'application/json' }));
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, jaeger);
    await expect.poll(() => page.textContent('.present .tf-status'), { timeout: 20_000 }).toMatch(/^jaeger\.json: Jaeger JSON, 2 spans/);
    expect((await readWholeTree(page)).map((r) => r.level)).toEqual([1, 2]);

    // The other view: the calling context tree of the file.
    await page.locator('.present .tf-view-select').selectOption('tree');
    await expect.poll(() => page.locator('.present .tf-tree [role="row"][aria-level]').count()).toBeGreaterThan(0);
    expect(deck.problems).toEqual([]);
    await page.close();
  });

  it('reads a big OTLP/JSON file in two workers, a half each, to what one reader gives, messages and all', async () => {
    // About 21 MB: past the size from which a second worker reads half of the file.
    const spans = syntheticTrace(30_000, 9, 'b'.repeat(32));
    const text = toOtlpJson(spans);
    expect(text.length).toBeGreaterThan(16 * 1024 * 1024);
    const expected = readTraceFile(text);
    if (!expected.ok) throw new Error(expected.message);
    const rows = buildTraceModel(expected.spans).rows.slice(0, 8).map((r) => `${r.depth + 1} ${r.span.serviceName} ${r.span.name}`);

    const deck = await openDeck(browser, '#/trace-files');
    const { page } = deck;
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.waitForSelector('.present [data-demo="trace-files"] .tf-sample');
    await page.locator('.present .trace-file-input').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => page.textContent('.present .tf-status'), { timeout: 60_000 }).toMatch(/^big\.json: OTLP\/JSON, 30000 spans in 1 trace/);
    expect(workers).toHaveLength(2);
    expect(await page.getAttribute('.present .tf-status', 'data-readers')).toBe('2');
    const seen = await page.$$eval('.present [role="tree"] [role="treeitem"]:not([hidden])', (items) =>
      items
        .map((x) => ({ top: Number.parseFloat((x as HTMLElement).style.top || '-1'), level: x.getAttribute('aria-level'), label: x.getAttribute('aria-label') ?? '' }))
        .sort((a, b) => a.top - b.top)
        .slice(0, 8)
        .map((r) => `${r.level} ${r.label.split(',')[0]}`),
    );
    expect(seen).toEqual(rows);

    // Scrolled by whole screens, by a few rows, back up and to the end: the drawn rows sit in the DOM in the order
    // they are shown (screen readers read document order), whichever elements were rebound.
    for (const by of [640, 96, -224, 6_400, 32, 10_000_000, -320, -10_000_000]) {
      await page.$eval('.present .wf-scroll', (scroll, dy) => scroll.scrollBy(0, dy), by);
      // Two frames: the scroll event's redraw has run.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const tops = await page.$$eval('.present [role="tree"] [role="treeitem"]:not([hidden])', (items) =>
        items.map((x) => Number.parseFloat((x as HTMLElement).style.top)),
      );
      const order = { tops, sorted: tops.every((t, i) => i === 0 || t > tops[i - 1]!) };
      expect(order.tops.length, `rows after scrolling by ${by}`).toBeGreaterThan(10);
      expect(order.sorted, `DOM order after scrolling by ${by}: ${order.tops.join(' ')}`).toBe(true);
    }

    // A bad span in the file's last resource, in the second worker's half: the whole file's message and place.
    const doc = JSON.parse(text) as { resourceSpans: Array<{ scopeSpans: Array<{ spans: Array<Record<string, unknown>> }> }> };
    const last = doc.resourceSpans.at(-1)!.scopeSpans[0]!.spans;
    last[last.length - 1]!['spanId'] = 'nothex';
    const bad = JSON.stringify(doc);
    const message = readTraceFile(bad);
    expect(message).toMatchObject({ ok: false, message: expect.stringContaining(`resourceSpans[${doc.resourceSpans.length - 1}].scopeSpans[0].spans[${last.length - 1}]`) });
    await page.locator('.present .trace-file-input').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await expect.poll(() => page.textContent('.present .demo-problem'), { timeout: 60_000 }).toBe(`bad.json: ${message.ok ? '' : message.message}`);
    expect(workers).toHaveLength(4);
    expect(deck.problems).toEqual([]);
    await page.close();
  });
});
