/**
 * The pipeline and context-manager slides against the built deck: the console exporter prints each span as it ends,
 * in ConsoleSpanExporter's shape, the same spans the backend's waterfall draws, and keeps only its last lines; the
 * same request through a hub with the zone context manager makes one trace, and with a stack-based one, two.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDeck } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

function treeRows(page: Page, scope: string) {
  return page.$$eval(`${scope} [role="treeitem"]:not([hidden])`, (items) =>
    items.map((i) => `${i.getAttribute('aria-level')} ${(i.getAttribute('aria-label') ?? '').split(',')[0]}`),
  );
}

interface Block {
  name: string;
  id: string;
  traceId: string;
  kind: number;
  parentSpanId: string | undefined;
}

/** The console's text, read back as the objects it printed (top-level `{` … `}` blocks). */
function blocks(text: string): Block[] {
  return text
    .split(/\n(?=\{)/)
    .filter((b) => b.startsWith('{') && b.trimEnd().endsWith('}'))
    .map((b) => ({
      name: /^ {2}name: '(.*)',$/m.exec(b)?.[1] ?? '',
      id: /^ {2}id: '([0-9a-f]{16})',$/m.exec(b)?.[1] ?? '',
      traceId: /^ {2}traceId: '([0-9a-f]{32})',$/m.exec(b)?.[1] ?? '',
      kind: Number(/^ {2}kind: (\d),$/m.exec(b)?.[1]),
      parentSpanId: /parentSpanContext: \{[^}]*spanId: '([0-9a-f]{16})'/.exec(b)?.[1],
    }));
}

describe('from span to screen', () => {
  it('prints each span as it ends, in ConsoleSpanExporter’s shape, the same spans the backend draws', async () => {
    const deck = await openDeck(browser, '#/otel-pipeline');
    const { page } = deck;
    await page.waitForSelector('.present [data-demo="pipeline"] .demo-console');
    await page.selectOption('.present [data-demo="pipeline"] .demo-speed', '1');
    await page.getByRole('button', { name: 'Ask', exact: true }).click();
    await expect.poll(() => page.textContent('.present .demo-console-count'), { timeout: 15_000 }).toBe('5 spans exported');
    const text = (await page.textContent('.present .demo-console')) ?? '';
    const printed = blocks(text);
    // Spans are exported as they end: the leaves first, the hub's root last.
    expect(printed.map((b) => `${b.kind} ${b.name}`)).toEqual(['1 GET /fizz', '2 GET /fizz', '1 GET /buzz', '2 GET /buzz', '1 GET /fizzbuzz']);
    expect(new Set(printed.map((b) => b.traceId)).size).toBe(1);
    const [fizzer, fizzCall, , , root] = printed;
    expect(fizzer!.parentSpanId).toBe(fizzCall!.id);
    expect(root!.parentSpanId).toBeUndefined();
    expect(text).toContain("  parentSpanContext: undefined,");
    expect(text).toMatch(/resource: \{\n {4}attributes: \{\n {6}'service\.name': 'fizzer',/);
    expect(text).toContain("    'user_agent.original': 'python-requests/2.31.0',");
    // The console keeps the request's first exported span (fizzer's) at its top, not scrolled down to the root.
    expect(await page.$eval('.present [data-demo="pipeline"] .demo-console', (o) => o.scrollTop)).toBe(0);

    // The backend's UI shows the same trace and the same five spans.
    const header = (await page.textContent('.present [data-demo="pipeline"] .wf-header')) ?? '';
    expect(header).toContain(`trace ${root!.traceId.slice(0, 8)}`);
    await expect.poll(() => treeRows(page, '.present [data-demo="pipeline"]')).toEqual([
      '1 hub GET /fizzbuzz',
      '2 hub GET /fizz',
      '3 fizzer GET /fizz',
      '2 hub GET /buzz',
      '3 buzzer GET /buzz',
    ]);

    // Bounded: three more requests print far more than the panel keeps.
    for (let i = 0; i < 3; i++) {
      await page.getByRole('button', { name: 'Ask', exact: true }).click();
      await expect.poll(() => page.textContent('.present .demo-console-count'), { timeout: 15_000 }).toMatch(new RegExp(`^${10 + 5 * i} spans`));
    }
    expect(await page.textContent('.present .demo-console-count')).toBe('20 spans exported, last 400 lines shown');
    expect(((await page.textContent('.present .demo-console')) ?? '').split('\n').length).toBe(400);
    expect(deck.problems).toEqual([]);
    await page.close();
  });
});

describe('what a context manager does', () => {
  it('keeps one trace with the zone manager, and breaks it in two after the first await with the stack one', async () => {
    const deck = await openDeck(browser, '#/otel-context-loss');
    const { page } = deck;
    await page.waitForSelector('.present [data-demo="context-loss"] .demo-number');
    await page.getByRole('button', { name: 'Ask both' }).click();
    const summaries = () => page.$$eval('.present .fb-ctx-summary', (s) => s.map((x) => x.textContent));
    await expect.poll(summaries, { timeout: 15_000 }).toEqual([
      '1 trace, 5 spans: the request holds together.',
      '2 traces, 5 spans: the request is in pieces. “hub GET /buzz” started a trace of its own.',
    ]);
    const zone = '.present [role="region"][aria-label="Hub with the zone context manager"]';
    const stack = '.present [role="region"][aria-label="Hub with the stack context manager"]';
    await expect.poll(() => treeRows(page, zone)).toEqual(['1 hub GET /fizzbuzz', '2 hub GET /fizz', '3 fizzer GET /fizz', '2 hub GET /buzz', '3 buzzer GET /buzz']);
    const pieces = async (n: number) => treeRows(page, `${stack} [role="tree"][aria-label$="trace ${n}"]`);
    expect(await pieces(1)).toEqual(['1 hub GET /fizzbuzz', '2 hub GET /fizz', '3 fizzer GET /fizz']);
    // After the await: the hub's call to buzzer is a root, not an orphan of a missing parent: it never had one.
    expect(await pieces(2)).toEqual(['1 hub GET /buzz', '2 buzzer GET /buzz']);
    expect(await pieces(3)).toEqual([]);
    const ids = await page.$$eval(`${stack} .wf-header-id`, (h) => h.filter((x) => x.closest('[hidden]') === null).map((x) => x.getAttribute('title')));
    expect(ids).toHaveLength(2);
    expect(ids[0]).not.toBe(ids[1]);
    // The two hubs took the same time: the same seed, only the context manager differs.
    const duration = async (scope: string) => (await page.textContent(`${scope} .wf-header`))?.match(/([\d.]+ ms)/)?.[1];
    expect(await duration(stack)).toBe(await duration(zone));

    // Focus is still on "Ask both" (a busy button keeps it): Escape hands the keyboard back to the deck first.
    await page.keyboard.press('Escape');
    await page.keyboard.press('r');
    await expect.poll(summaries).toEqual(['No request yet.', 'No request yet.']);
    expect(deck.problems).toEqual([]);
    await page.close();
  });
});
