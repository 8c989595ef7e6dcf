/**
 * The FizzBuzz chapter against the built deck, used as a person would: run the loop and open the slowest request's
 * trace, compare automatic and manual instrumentation, reset with R, leave the slide (nothing keeps running), read
 * the print view, and check every slide of the chapter with axe-core.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chapterViolations } from './axe';
import { launchBrowser, isBusy, openDeck, demoStats } from './browser';

const CHAPTER = ['otel-fizzbuzz', 'otel-fizzbuzz-run', 'otel-auto-manual', 'otel-context', 'otel-traceparent', 'otel-pipeline', 'otel-context-manager', 'otel-context-loss', 'otel-try-it'];
const ANSWERS = ['1', '2', 'Fizz', '4', 'Buzz', 'Fizz', '7', '8', 'Fizz', 'Buzz', '11', 'Fizz', '13', '14', 'FizzBuzz'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The rows of the trees inside `scope`, as the accessibility tree names them: "service span, …" and their level. */
function treeRows(page: Page, scope: string) {
  return page.$$eval(`${scope} [role="treeitem"]:not([hidden])`, (items) =>
    items.map((i) => ({ level: Number(i.getAttribute('aria-level')), label: i.getAttribute('aria-label') ?? '' })),
  );
}
const shape = (rows: Array<{ level: number; label: string }>) => rows.map((r) => `${r.level} ${r.label.split(',')[0]}`);

const stats = demoStats;

async function runLoop(page: Page) {
  await page.selectOption('.present [data-demo="fizzbuzz"] .demo-speed', '1');
  await page.getByRole('button', { name: 'Run 1–15' }).click();
  await expect.poll(() => page.textContent('.present .fb-summary'), { timeout: 20_000 }).toMatch(/^15 answered/);
}

describe('FizzBuzz as a Service', () => {
  it('keeps a trace in the pane while the loop runs: never back to the empty state between requests', async () => {
    const deck = await openDeck(browser, '#/otel-fizzbuzz-run');
    const { page } = deck;
    await page.waitForSelector('.present [data-demo="fizzbuzz"] .demo-primary');
    // Every frame, note whether the pane shows its empty state after a first trace was drawn.
    await page.evaluate(() => {
      const w = window as unknown as { fbFlicker: number; fbDrawn: boolean };
      w.fbFlicker = 0;
      w.fbDrawn = false;
      const look = (): void => {
        const empty = document.querySelector<HTMLElement>('.present [data-demo="fizzbuzz"] .wf-empty');
        const showing = empty?.checkVisibility() ?? false;
        if (!showing) w.fbDrawn = true;
        else if (w.fbDrawn) w.fbFlicker++;
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    });
    await runLoop(page);
    const seen = await page.evaluate(() => {
      const w = window as unknown as { fbFlicker: number; fbDrawn: boolean };
      return { fbFlicker: w.fbFlicker, fbDrawn: w.fbDrawn };
    });
    expect(seen.fbDrawn).toBe(true);
    expect(seen.fbFlicker).toBe(0);
    expect(deck.problems).toEqual([]);
    await page.close();
  });

  it('runs 1–15 like the shell loop, one trace per request, hub calling fizzer then buzzer', async () => {
    const deck = await openDeck(browser, '#/otel-fizzbuzz-run');
    const { page } = deck;
    await page.waitForSelector('.present [data-demo="fizzbuzz"] .demo-primary');
    await runLoop(page);
    const answers = await page.$$eval('.present .fb-request .fb-answer', (a) => a.map((x) => x.textContent));
    expect(answers).toEqual(ANSWERS);

    // The slowest request, named by the summary, opened by keyboard from its row.
    const slowest = /slowest n=(\d+)/.exec((await page.textContent('.present .fb-summary')) ?? '')![1]!;
    const row = page.locator('.present .fb-request', { has: page.locator('.fb-n', { hasText: new RegExp(`^n=${slowest}$`) }) });
    await row.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => row.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await treeRows(page, '.present [data-demo="fizzbuzz"]')).length).toBe(5);
    const rows = await treeRows(page, '.present [data-demo="fizzbuzz"]');
    expect(shape(rows)).toEqual(['1 hub GET /fizzbuzz', '2 hub GET /fizz', '3 fizzer GET /fizz', '2 hub GET /buzz', '3 buzzer GET /buzz']);
    // The header names one trace; its duration is the one the row shows (the client saw a little more: the network).
    const header = (await page.textContent('.present [data-demo="fizzbuzz"] .wf-header')) ?? '';
    expect(header).toMatch(/^trace [0-9a-f]{8}\s*5 spans/);

    // The number field keeps what it edits: digits, the decimal point, ↑ and ↓ (the deck's letters, Space and ← →
    // move the deck: clicker.test.ts).
    const before = page.url();
    const field = page.getByLabel('Number', { exact: true });
    await field.fill('');
    await field.type('30');
    for (const key of ['ArrowUp', 'ArrowDown', '.', 'Backspace']) await field.press(key);
    expect(page.url()).toBe(before);
    expect(await page.$eval('.reveal .slides > section.present', (s) => s.id)).toBe('otel-fizzbuzz-run');
    expect(await page.$eval('.reveal', (r) => r.classList.contains('paused'))).toBe(false);
    await field.fill('abc');
    await field.press('Enter');
    await expect.poll(() => page.textContent('.present .demo-problem')).toMatch(/Type a whole number/);

    expect(deck.problems).toEqual([]);
    expect(deck.foreignRequests).toEqual([]);
    await page.close();
  });

  it('gives the same latencies for the same seed, resets with R, and stops when the slide is left', async () => {
    const times = async () => {
      const deck = await openDeck(browser, '?seed=rehearsal#/otel-fizzbuzz-run');
      await deck.page.waitForSelector('.present .demo-primary');
      await runLoop(deck.page);
      const took = await deck.page.$$eval('.present .fb-took', (t) => t.map((x) => x.textContent));
      return { deck, took };
    };
    const first = await times();
    const second = await times();
    expect(second.took).toEqual(first.took);
    await second.deck.page.close();

    const { page, problems } = first.deck;
    await page.locator('.present .demo-reset').focus();
    await page.keyboard.press('Escape');
    await page.keyboard.press('r');
    await expect.poll(() => page.$$('.present .fb-request').then((r) => r.length)).toBe(0);
    expect(await treeRows(page, '.present [data-demo="fizzbuzz"]')).toEqual([]);

    // Start a run at a tenth of real time, leave the slide mid-run: nothing keeps running, nothing advances.
    await page.selectOption('.present .demo-speed', '0.1');
    await page.getByRole('button', { name: 'Run 1–15' }).click();
    await page.waitForTimeout(300);
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => document.querySelector('.reveal .slides > section.present')?.id === 'otel-fizzbuzz');
    await page.waitForTimeout(200);
    const held = (await stats(page)).find((s) => s.name === 'fizzbuzz')!;
    expect(held).toMatchObject({ running: false, timers: 0, subscriptions: 0 });
    const answered = await page.$$eval('[data-demo="fizzbuzz"] .fb-request--done', (r) => r.length);
    await page.waitForTimeout(3_000);
    expect(await page.$$eval('[data-demo="fizzbuzz"] .fb-request--done', (r) => r.length)).toBe(answered);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe('automatic versus manual instrumentation', () => {
  it('traces the same request twice, and lists exactly what the manual spans add', async () => {
    const deck = await openDeck(browser, '#/otel-auto-manual');
    const { page } = deck;
    await page.waitForSelector('.present [data-demo="instrumentation"] .demo-number');
    await page.getByRole('button', { name: 'Ask both' }).click();
    const manualTree = '.present [data-demo="instrumentation"] [role="region"][aria-label="manual instrumentation"]';
    const autoTree = '.present [data-demo="instrumentation"] [role="region"][aria-label="automatic instrumentation"]';
    await expect.poll(async () => (await treeRows(page, manualTree)).length, { timeout: 15_000 }).toBe(9);
    await expect.poll(async () => (await treeRows(page, autoTree)).length).toBe(5);
    expect(shape(await treeRows(page, autoTree))).toEqual(['1 hub GET /fizzbuzz', '2 hub GET /fizz', '3 fizzer GET /fizz', '2 hub GET /buzz', '3 buzzer GET /buzz']);
    expect(shape(await treeRows(page, manualTree))).toEqual([
      '1 hub GET /fizzbuzz',
      '2 hub GET /fizz',
      '3 fizzer GET /fizz',
      '4 fizzer is divisible',
      '5 fizzer load rule',
      '2 hub GET /buzz',
      '3 buzzer GET /buzz',
      '4 buzzer is divisible',
      '5 buzzer load rule',
    ]);
    const facts = await page.$$eval(`${manualTree} .fb-facts li`, (l) => l.map((x) => x.textContent));
    expect(facts).toEqual([
      '9 spans: 3 SERVER, 2 CLIENT, 4 INTERNAL',
      '+ span “is divisible” (INTERNAL) in fizzer, buzzer: app.fizzbuzz.number, app.fizzbuzz.divisor, user_agent.original, app.fizzbuzz.divisible',
      '+ span “load rule” (INTERNAL) in fizzer, buzzer: app.rule.key',
      '+ on hub GET /fizzbuzz: app.fizzbuzz.number, app.fizzbuzz.result',
    ]);
    // The same request took the same time in both: instrumentation changed the spans, not the timings.
    const durations = async (tree: string) => (await page.textContent(`${tree} .wf-header`))?.match(/([\d.]+ ms)/)?.[1];
    expect(await durations(manualTree)).toBe(await durations(autoTree));

    // Open the manual span's details: the user agent the hub sent is on it.
    await page.locator(`${manualTree} [role="treeitem"]`, { hasText: 'is divisible' }).first().click();
    await expect.poll(() => page.textContent(`${manualTree} .wf-root`)).toContain('python-requests/2.31.0');
    expect(deck.problems).toEqual([]);
    await page.close();
  });
});

describe('the chapter in print view and under axe', () => {
  it('draws a static, seeded final state of every demo', async () => {
    const { page, problems, foreignRequests } = await openDeck(browser, '?print-pdf');
    for (const name of ['fizzbuzz', 'instrumentation', 'traceparent-decoder', 'pipeline', 'context-loss']) {
      await page.waitForSelector(`[data-demo="${name}"][data-demo-state="printed"]`, { state: 'attached', timeout: 30_000 });
    }
    expect(await page.$$eval('[data-demo="fizzbuzz"] .fb-answer', (a) => a.map((x) => x.textContent))).toEqual(ANSWERS);
    // On paper, the slowest request's trace.
    const pressed = await page.$eval('[data-demo="fizzbuzz"] [aria-pressed="true"] .fb-n', (n) => n.textContent);
    expect(await page.textContent('[data-demo="fizzbuzz"] .fb-summary')).toContain(`slowest ${pressed}`);
    expect(await page.$$eval('[data-demo="fizzbuzz"] [role="treeitem"]', (r) => r.length)).toBe(5);
    expect(await page.$$eval('[data-demo="instrumentation"] [role="treeitem"]', (r) => r.length)).toBe(14);
    expect(await page.inputValue('[data-demo="traceparent-decoder"] .fb-tp-input')).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    expect(await page.textContent('[data-demo="pipeline"] .demo-console-count')).toBe('5 spans exported');
    expect(await page.$$eval('[data-demo="context-loss"] .fb-ctx-summary', (s) => s.map((x) => x.textContent))).toEqual([
      '1 trace, 5 spans: the request holds together.',
      '2 traces, 5 spans: the request is in pieces. “hub GET /buzz” started a trace of its own.',
    ]);
    // Print view runs nothing afterwards.
    expect(await page.$$('[data-demo] section')).toHaveLength(0);
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it('has no serious or critical WCAG 2 A/AA violation on any slide of the chapter, demos in use', { timeout: 120_000 }, async () => {
    const { page, problems } = await openDeck(browser, '#/otel-fizzbuzz');
    const found = await chapterViolations(page, CHAPTER, async (p) => {
      // Use the demo so that its trace, lists and details are part of what is checked.
      const ask = p.locator('.present [data-demo] button', { hasText: /^(Run 1–15|Ask both|Ask)$/ }).first();
      if (await ask.count()) {
        await ask.click();
        // The demos mark their button busy while a request or the loop runs: wait for it to finish.
        await p.waitForTimeout(100);
        await expect.poll(() => isBusy(ask), { timeout: 20_000 }).toBe(false);
      }
    });
    expect(found).toEqual({});
    expect(problems).toEqual([]);
    await page.close();
  });
});
