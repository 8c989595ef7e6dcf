/**
 * The bootcamp chapter against the built deck, used as a person would: load the home feed and read the trace
 * (Flask's server span, the manual child with app.now and app.result_length), read the OTLP request body, the
 * COUNT table with and without WHERE, open a log line's span by click and by keyboard, reset with R, leave the
 * slide (nothing keeps running), and the print view.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chapterViolations } from './axe';
import { launchBrowser, isBusy, openDeck, demoStats } from './browser';

const CHAPTER = ['bootcamp', 'bootcamp-manual-span', 'bootcamp-otlp', 'bootcamp-query', 'bootcamp-logs'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const demo = (view: string) => `.present [data-demo="home-activities"][data-view="${view}"]`;

function treeRows(page: Page, scope: string) {
  return page.$$eval(`${scope} [role="treeitem"]:not([hidden])`, (items) =>
    items.map((i) => ({ level: Number(i.getAttribute('aria-level')), label: i.getAttribute('aria-label') ?? '', selected: i.getAttribute('aria-selected') })),
  );
}
const shape = (rows: Array<{ level: number; label: string }>) => rows.map((r) => `${r.level} ${r.label.split(',')[0]}`);
const TRACE_SHAPE = ['1 frontend-react-js GET /api/activities/home', '2 backend-flask GET /api/activities/home', '3 backend-flask home-activities-mock-data'];

/** Click the button as a person would, and wait until the demo is ready for another click. */
async function loadFeed(page: Page, scope: string) {
  const button = page.locator(`${scope} button`, { hasText: 'Load the home feed' });
  await button.click();
  await page.waitForTimeout(50);
  await expect.poll(() => isBusy(button), { timeout: 15_000 }).toBe(false);
}

const stats = demoStats;

describe('the bootcamp backend', () => {
  it('shows the manual span inside the server span, with app.now and app.result_length', async () => {
    const deck = await openDeck(browser, '#/bootcamp-manual-span');
    const { page } = deck;
    const scope = demo('trace');
    await loadFeed(page, scope);
    await expect.poll(async () => shape(await treeRows(page, scope))).toEqual(TRACE_SHAPE);
    // The manual span is selected, and its details show both attributes.
    expect((await treeRows(page, scope))[2]!.selected).toBe('true');
    const details = page.locator(`${scope} .wf-details`);
    await expect.poll(() => details.textContent()).toContain('app.result_length');
    expect(await details.textContent()).toContain('app.now');
    const facts = (await page.textContent(`${scope} .ha-facts`)) ?? '';
    const resultLength = Number(/app\.result_length(\d+)/.exec(facts)?.[1]);
    expect(facts).toMatch(/app\.now\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/);
    expect(facts).toContain('tracerhome.activities');
    // The feed the frontend received has as many activities as the attribute says.
    expect(await page.$$eval(`${scope} .ha-activity`, (a) => a.length)).toBe(resultLength);
    expect(await page.textContent(`${scope} .ha-panel-title`)).toContain(`HTTP 200 · ${resultLength} activit`);

    // A keyboard user on the button keeps it: Space and Enter press it and the deck stays; R resets from there at
    // once (the deck's other keys move it: tests/e2e/clicker.test.ts).
    const slide = () => page.$eval('.reveal .slides > section.present', (s) => s.id);
    const before = await slide();
    // The button was clicked (so the deck has its keys); Tab away and back gives it the keyboard's focus.
    await page.locator(`${scope} .demo-primary`).focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    for (const key of ['Space', 'Enter']) await page.keyboard.press(key);
    expect(await slide()).toBe(before);
    await page.keyboard.press('r');
    await expect.poll(() => treeRows(page, scope)).toEqual([]);
    expect(await page.$$(`${scope} .ha-activity`)).toHaveLength(0);

    // Leave the slide: the demo holds nothing.
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('.reveal .slides > section.present')?.id === 'bootcamp');
    await page.waitForTimeout(200);
    for (const s of (await stats(page)).filter((x) => x.name === 'home-activities')) expect(s).toMatchObject({ running: false, timers: 0, subscriptions: 0 });
    expect(deck.problems).toEqual([]);
    expect(deck.foreignRequests).toEqual([]);
    await page.close();
  });

  it('gives the same feeds and latencies for the same seed, and others for another', async () => {
    const run = async (seed: string) => {
      const deck = await openDeck(browser, `?seed=${seed}#/bootcamp-manual-span`);
      const out: string[] = [];
      for (let i = 0; i < 3; i++) {
        await loadFeed(deck.page, demo('trace'));
        const title = (await deck.page.textContent(`${demo('trace')} .ha-panel-title`)) ?? '';
        const messages = await deck.page.$$eval(`${demo('trace')} .ha-message`, (m) => m.map((x) => x.textContent).join('|'));
        out.push(`${title} ${messages}`);
      }
      expect(deck.problems).toEqual([]);
      await deck.page.close();
      return out;
    };
    const first = await run('rehearsal');
    expect(await run('rehearsal')).toEqual(first);
    expect(await run('other')).not.toEqual(first);
  });

  it('shows the OTLP/HTTP request backend-flask would send, with a real OTLP/JSON body, and sends nothing', async () => {
    const deck = await openDeck(browser, '#/bootcamp-otlp');
    const { page } = deck;
    const scope = demo('otlp');
    await loadFeed(page, scope);
    await expect.poll(() => page.textContent(`${scope} .ha-http-head`)).toContain('POST https://api.honeycomb.io/v1/traces');
    const head = (await page.textContent(`${scope} .ha-http-head`)) ?? '';
    expect(head).toContain('content-type: application/json');
    expect(head).toContain('x-honeycomb-team: ••••••');
    const body = JSON.parse((await page.textContent(`${scope} .ha-code`)) ?? '') as {
      resourceSpans: Array<{ resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> }; scopeSpans: Array<{ scope: { name: string }; spans: Array<{ name: string; traceId: string; attributes: Array<{ key: string }> }> }> }>;
    };
    expect(body.resourceSpans).toHaveLength(1);
    expect(body.resourceSpans[0]!.resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'backend-flask' } });
    const spans = body.resourceSpans[0]!.scopeSpans.flatMap((s) => s.spans.map((sp) => ({ scope: s.scope.name, ...sp })));
    expect(spans.map((s) => s.name).sort()).toEqual(['GET /api/activities/home', 'home-activities-mock-data']);
    const manual = spans.find((s) => s.name === 'home-activities-mock-data')!;
    expect(manual.scope).toBe('home.activities');
    expect(manual.attributes.map((a) => a.key).sort()).toEqual(['app.now', 'app.result_length']);
    // It is the trace on the right.
    expect(await page.textContent(`${scope} .wf-header`)).toContain(`trace ${manual.traceId.slice(0, 8)}`);
    expect(deck.problems).toEqual([]);
    expect(deck.foreignRequests).toEqual([]);
    expect(await deck.cspViolations()).toEqual([]);
    await page.close();
  });

  it('answers COUNT grouped by trace.trace_id, newest first, with a WHERE on service.name', async () => {
    const deck = await openDeck(browser, '#/bootcamp-query');
    const { page } = deck;
    const scope = demo('query');
    const table = () => page.$$eval(`${scope} .ha-table tbody tr`, (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)));
    for (let i = 0; i < 3; i++) await loadFeed(page, scope);
    await expect.poll(async () => (await table()).length).toBe(3);
    const all = await table();
    expect(all.map((r) => r[1])).toEqual(['3', '3', '3']);
    // Newest first: the trace on the right (the last request's) heads the table.
    expect(await page.textContent(`${scope} .wf-header`)).toContain(`trace ${all[0]![0]!.slice(0, 8)}`);
    await page.selectOption(`${scope} .ha-where`, 'backend-flask');
    await expect.poll(async () => (await table()).map((r) => r[1])).toEqual(['2', '2', '2']);
    expect(await page.textContent(`${scope} .ha-query-text`)).toBe('COUNT · WHERE service.name = backend-flask · GROUP BY trace.trace_id · 3 traces');
    expect((await table()).map((r) => r[0])).toEqual(all.map((r) => r[0]));
    // A trace id opens that trace.
    await page.locator(`${scope} .ha-trace-link`).nth(2).click();
    await expect.poll(() => page.textContent(`${scope} .wf-header`)).toContain(`trace ${all[2]![0]!.slice(0, 8)}`);
    expect(deck.problems).toEqual([]);
    await page.close();
  });

  it('opens the span a log line was written in, by click and by keyboard', async () => {
    const deck = await openDeck(browser, '#/bootcamp-logs');
    const { page } = deck;
    const scope = demo('logs');
    await loadFeed(page, scope);
    await loadFeed(page, scope);
    await expect.poll(() => page.$$eval(`${scope} .ha-log-line`, (l) => l.length)).toBe(4);
    const lines = await page.$$eval(`${scope} .ha-log-line`, (l) => l.map((x) => x.textContent ?? ''));
    expect(lines[0]).toMatch(/INFO HomeActivitiestrace [0-9a-f]{32} span [0-9a-f]{16}$/);
    expect(lines[1]).toMatch(/INFO home-activities-mock-data: \d activitiestrace [0-9a-f]{32} span [0-9a-f]{16}$/);
    const ids = (text: string) => /trace ([0-9a-f]{32}) span ([0-9a-f]{16})/.exec(text)!.slice(1);

    // The first request's first line: Flask's server span, in the older trace.
    await page.locator(`${scope} .ha-log-line`).first().click();
    const [traceId, spanId] = ids(lines[0]!);
    await expect.poll(() => page.textContent(`${scope} .wf-header`)).toContain(`trace ${traceId!.slice(0, 8)}`);
    await expect.poll(async () => (await treeRows(page, scope)).find((r) => r.selected === 'true')?.label.split(',')[0]).toBe('backend-flask GET /api/activities/home');
    await expect.poll(() => page.textContent(`${scope} .wf-details`)).toContain(spanId!);

    // The second request's manual-span line, by keyboard.
    await page.locator(`${scope} .ha-log-line`).nth(3).focus();
    await page.keyboard.press('Enter');
    const [traceId2, spanId2] = ids(lines[3]!);
    expect(traceId2).not.toBe(traceId);
    await expect.poll(async () => (await treeRows(page, scope)).find((r) => r.selected === 'true')?.label.split(',')[0]).toBe('backend-flask home-activities-mock-data');
    await expect.poll(() => page.textContent(`${scope} .wf-details`)).toContain(spanId2!);
    expect(await page.getAttribute(`${scope} .ha-log-line >> nth=3`, 'aria-pressed')).toBe('true');
    // Enter on a log line never moved the deck.
    expect(await page.evaluate(() => document.querySelector('.reveal .slides > section.present')?.id)).toBe('bootcamp-logs');
    expect(deck.problems).toEqual([]);
    expect(deck.foreignRequests).toEqual([]);
    await page.close();
  });

  it('draws a static, seeded state of every view in print view', async () => {
    const { page, problems, foreignRequests } = await openDeck(browser, '?print-pdf');
    for (const view of ['trace', 'otlp', 'query', 'logs']) {
      await page.waitForSelector(`[data-demo="home-activities"][data-view="${view}"][data-demo-state="printed"]`, { state: 'attached', timeout: 30_000 });
    }
    expect(await page.$$eval('[data-demo="home-activities"][data-view="trace"] [role="treeitem"]', (r) => r.length)).toBe(3);
    expect(await page.textContent('[data-demo="home-activities"][data-view="otlp"] .ha-http-head')).toContain('POST https://api.honeycomb.io/v1/traces');
    expect(await page.$$eval('[data-demo="home-activities"][data-view="query"] .ha-table tbody tr', (r) => r.length)).toBe(3);
    expect(await page.$$eval('[data-demo="home-activities"][data-view="logs"] .ha-log-line', (r) => r.length)).toBe(6);
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it('has no serious or critical WCAG 2 A/AA violation on any slide of the chapter, demos in use', { timeout: 120_000 }, async () => {
    const { page, problems } = await openDeck(browser, '#/bootcamp');
    const found = await chapterViolations(page, CHAPTER, async (p) => {
      if (await p.$('.present [data-demo="home-activities"]')) {
        await loadFeed(p, '.present [data-demo="home-activities"]');
        const line = p.locator('.present .ha-log-line').first();
        if (await line.count()) await line.click();
      }
    });
    expect(found).toEqual({});
    expect(problems).toEqual([]);
    await page.close();
  });
});
