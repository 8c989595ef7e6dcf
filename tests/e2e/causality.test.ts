/**
 * The chapter "Three ways to get a trace" against the built deck, driven as a learner would: requests through the
 * proxy, the id read off the wire and searched in both logs (every line kept carries it, in both logs); hostile
 * text in the search shown as text and never moving the deck; web down giving nginx's own 502; blackbox batches
 * whose score is exact one at a time and drops with eight at once; the write-back flush charged to the submitter
 * and to the trigger, its link followed into the other trace, the batch linked to three; the fork-and-join workflow
 * skewed and with records lost; the B3-only service breaking the trace until a composite joins it; axe on every
 * slide of the chapter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chapterViolations } from './axe';
import { launchBrowser, openDeck } from './browser';

const CHAPTER = [
  'approaches',
  'request-id-config',
  'request-id',
  'blackbox-idea',
  'blackbox',
  'metadata-propagation',
  'causality-recap',
  'submitter-trigger',
  'causal-tracking',
  'dialects',
  'causality-recap-2',
];
const RID = '.present [data-demo="request-id"]';
const BB = '.present [data-demo="blackbox"]';
const ST = '.present [data-demo="submitter-trigger"]';
const CT = '.present [data-demo="causal-tracking"]';
const DL = '.present [data-demo="dialects"]';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const lines = (page: Page, log: number) => page.$$eval(`${RID} .rid-log:nth-child(${log}) .rid-line`, (ls) => ls.map((l) => l.textContent ?? ''));
const count = async (page: Page, log: number) => Number(/(\d+) lines$/.exec((await page.textContent(`${RID} .rid-log:nth-child(${log}) .rid-count`)) ?? '')?.[1]);
const currentSlide = (page: Page) => page.evaluate(() => document.querySelector('.reveal .slides > section.present')?.id);

/** The percentages of the score table, one per batch, once no batch is running. */
async function scores(page: Page, batches: number): Promise<number[]> {
  await page.waitForFunction(
    ({ sel, n }) => {
      const rows = [...document.querySelectorAll(`${sel} .bb-row`)];
      return rows.length === n && rows.every((r) => !/running/.test(r.textContent ?? ''));
    },
    { sel: BB, n: batches },
    { timeout: 60_000 },
  );
  return page.$$eval(`${BB} .bb-right-score`, (cells) => cells.map((c) => Number(/\((\d+)%\)/.exec(c.textContent ?? '')?.[1])));
}

describe('chapter: three ways to get a trace', () => {
  it('finds one request in both logs by the id nginx stamped, and keeps typed text from the deck', { timeout: 90_000 }, async () => {
    const { page, problems } = await openDeck(browser, '#/request-id');
    await page.waitForSelector(`${RID}[data-demo-state="mounted"]`);
    await page.click(`${RID} .rid-many`);
    await expect.poll(() => count(page, 1), { timeout: 20_000 }).toBe(4);

    // The id on the wire: the same in the request to web and the response to the client (when it was a 2xx). The
    // wire is drawn on the next frame after the last log line: wait for it.
    const wireText = () => page.$$eval(`${RID} .rid-wire-text`, (pres) => pres.map((p) => p.textContent ?? ''));
    await expect.poll(async () => /x-request-id: [0-9a-f]{32}/.test((await wireText())[0] ?? ''), { timeout: 10_000 }).toBe(true);
    const wire = await wireText();
    const sent = /x-request-id: ([0-9a-f]{32})/.exec(wire[0]!)?.[1];
    expect(sent).toBeDefined();
    if (/^HTTP\/1\.1 200/.test(wire[1]!)) expect(wire[1]).toContain(`x-request-id: ${sent}`);

    await page.click(`${RID} .rid-use-last`);
    await expect.poll(() => page.inputValue(`${RID} .rid-search`)).toBe(sent);
    // The logs are filtered on the next frame: wait for it rather than read the unfiltered lines.
    await expect.poll(async () => (await lines(page, 1)).length).toBe(1);
    const access = await lines(page, 1);
    const app = await lines(page, 2);
    expect(access).toHaveLength(1);
    expect(access[0]).toMatch(new RegExp(`HTTP/1\\.1" \\d{3} \\d+ "-" "curl/8\\.5\\.0" "-" ${sent}$`));
    expect(app.length).toBeGreaterThanOrEqual(1);
    for (const l of app) expect(l.startsWith(`req: ${sent}, `)).toBe(true);
    expect(await page.textContent(`${RID} .rid-search-note`)).toContain(`1 line in nginx's log and ${app.length} in web's`);

    // Typing part of another id, as from a ticket: only that request's lines, in both logs.
    await page.fill(`${RID} .rid-search`, '');
    await expect.poll(async () => (await lines(page, 1)).length).toBe(4);
    const all = await lines(page, 1);
    const other = all.map((l) => /([0-9a-f]{32})$/.exec(l)?.[1]).find((id) => id && id !== sent)!;
    await page.click(`${RID} .rid-search`);
    await page.keyboard.type(other.slice(0, 10));
    await expect.poll(() => lines(page, 1)).toEqual([all.find((l) => l.endsWith(other))]);
    for (const l of await lines(page, 2)) expect(l).toContain(other);

    // Hostile text: told as text, nothing parsed, nothing found, and the deck never moved.
    await page.fill(`${RID} .rid-search`, '');
    await page.click(`${RID} .rid-search`);
    await page.keyboard.type('<img src=x onerror=alert(1)> n p');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    expect(await currentSlide(page)).toBe('request-id');
    expect(await page.textContent(`${RID} .rid-search-note`)).toBe('An id is hex digits only: 0–9 and a–f.');
    expect(await lines(page, 1)).toEqual([]);
    expect(await page.$$(`${RID} img`)).toEqual([]);

    // web down: nginx answers 502 itself; its log has the id, web's has nothing new, and the client gets no id.
    await page.fill(`${RID} .rid-search`, '');
    await page.check(`${RID} .rid-down`);
    const appBefore = await count(page, 2);
    await page.click(`${RID} .rid-send`);
    await expect.poll(() => count(page, 1), { timeout: 20_000 }).toBe(5);
    const toClient = (await page.textContent(`${RID} .rid-wire-one:nth-child(2) .rid-wire-text`)) ?? '';
    expect(toClient).toMatch(/^HTTP\/1\.1 502 Bad Gateway/);
    expect(toClient).not.toContain('x-request-id');
    expect(await page.textContent(`${RID} .rid-wire-one:nth-child(1) .rid-wire-text`)).toContain('connect() failed');
    expect(await count(page, 2)).toBe(appBefore);
    expect((await lines(page, 1)).at(-1)).toMatch(/" 502 \d+ "-" "curl\/8\.5\.0" "-" [0-9a-f]{32}$/);

    // Reset empties both logs and the search.
    await page.click(`${RID} .demo-reset`);
    await expect.poll(() => count(page, 1)).toBe(0);
    expect(await page.inputValue(`${RID} .rid-search`)).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('infers callers exactly one request at a time, and worse with eight at once', { timeout: 120_000 }, async () => {
    const { page, problems } = await openDeck(browser, '#/blackbox');
    await page.waitForSelector(`${BB}[data-demo-state="mounted"]`);
    expect(await page.textContent(`${BB} .bb-scores tbody`)).toBe('Nothing sent yet.');
    await page.click(`${BB} .bb-send`);
    expect(await scores(page, 1)).toEqual([100]);
    // The logs the inference reads carry no id.
    const logText = (await page.textContent(`${BB} .bb-right`)) ?? '';
    expect(logText).toMatch(/GET \/taste\?beer=/);
    expect(logText).not.toMatch(/[0-9a-f]{32}/);

    await page.selectOption(`${BB} .bb-concurrency`, '8');
    await page.click(`${BB} .bb-send`);
    const [alone, eight] = await scores(page, 2);
    expect(alone).toBe(100);
    expect(eight).toBeLessThan(70);
    // The model line and the call graph: the real call from web's pairing to taster is found.
    expect(await page.textContent(`${BB} .bb-model`)).toMatch(/^The model, from \d+ lines: \d+ relationships assumed, \d+ refuted, \d+ left\.$/);
    expect(await page.textContent(`${BB} .bb-edges`)).toContain('web GET /pair/beer → taster GET /taste found');

    await page.click(`${BB} .demo-reset`);
    await expect.poll(() => page.textContent(`${BB} .bb-scores tbody`)).toBe('Nothing sent yet.');
    expect(await page.inputValue(`${BB} .bb-concurrency`)).toBe('1');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('charges the flush to the submitter or the trigger, follows its link into the other trace, and links a batch to three', { timeout: 120_000 }, async () => {
    const { page, problems } = await openDeck(browser, '#/submitter-trigger');
    await page.waitForSelector(`${ST}[data-demo-state="mounted"]`);
    const tabs = () => page.$$eval(`${ST} .st-trace-tab`, (bs) => bs.map((b) => `${b.textContent}${b.getAttribute('aria-pressed') === 'true' ? ' *' : ''}`));
    const rows = () => page.$$eval(`${ST} .wf-row:not([hidden])`, (rs) => rs.map((r) => r.getAttribute('aria-label') ?? ''));

    // Submitter (the default): the flush is in alice's trace, the one opened.
    await page.click(`${ST} .st-run`);
    await expect.poll(tabs, { timeout: 20_000 }).toEqual(['PUT /carts/alice (4 spans) *', 'PUT /carts/bob (2 spans)']);
    expect((await rows()).some((r) => r.startsWith('cart flush cart:alice'))).toBe(true);
    expect(await page.textContent(`${ST} .st-answer`)).toMatch(/^Submitter-preserving/);

    // Trigger: now in bob's, with a link marker on the flush row.
    await page.check(`${ST} .st-attr-trigger`);
    await page.click(`${ST} .st-run`);
    await expect.poll(tabs, { timeout: 20_000 }).toEqual(['PUT /carts/alice (2 spans)', 'PUT /carts/bob (4 spans) *']);
    const flush = (await rows()).find((r) => r.startsWith('cart flush cart:alice'))!;
    expect(flush).toMatch(/links to 1 span in another trace$/);
    expect(await page.textContent(`${ST} .wf-row[aria-label^="cart flush"] .wf-link-mark`)).toBe('↗1');

    // Its details list the link; Open trace shows alice's trace, her cache put selected, linked from the flush.
    await page.click(`${ST} .wf-row[aria-label^="cart flush"]`);
    await page.click(`${ST} .wf-details .wf-link-follow`);
    await expect.poll(tabs).toEqual(['PUT /carts/alice (2 spans) *', 'PUT /carts/bob (4 spans)']);
    await expect.poll(() => page.textContent(`${ST} .wf-details-title`)).toBe('cart: cache put');
    expect(await page.textContent(`${ST} .wf-details`)).toContain('Linked from');
    expect(await page.textContent(`${ST} .wf-row[aria-label^="cart cache put"] .wf-link-mark`)).toBe('↙1');

    // The batch: its own trace, three links, no parent.
    await page.click(`${ST} .st-batch`);
    await expect.poll(async () => (await tabs()).find((t) => t.endsWith('*')), { timeout: 20_000 }).toBe('batch flush (2 spans) *');
    expect(await page.textContent(`${ST} .wf-row[aria-label^="cart batch flush"] .wf-link-mark`)).toBe('↗3');
    expect(await page.textContent(`${ST} .st-answer`)).toMatch(/^One batch flush served three requests/);

    await page.click(`${ST} .demo-reset`);
    await expect.poll(tabs).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('rebuilds the fork and join three ways, tells the skew, and survives the loss only with previous points', { timeout: 90_000 }, async () => {
    const { page, problems } = await openDeck(browser, '#/causal-tracking');
    await page.waitForSelector(`${CT}[data-demo-state="mounted"]`);
    const col = (scheme: string, part: string) => page.$$eval(`${CT} .ct-${scheme} .${part}`, (els) => els.map((e) => e.textContent ?? ''));
    await page.click(`${CT} .ct-run`);
    await expect.poll(() => col('previous-points', 'ct-score'), { timeout: 20_000 }).toEqual(['8 of 8 real edges rebuilt']);
    expect(await col('request-id', 'ct-warning')).toEqual([]);
    expect(await col('lamport', 'ct-warning')).toEqual(expect.arrayContaining([expect.stringMatching(/share a Lamport time/)]));

    await page.check(`${CT} .ct-skew`);
    await expect.poll(() => col('request-id', 'ct-warning')).toEqual([expect.stringMatching(/^db query: timed before the request began at web/)]);
    expect((await page.$$eval(`${CT} .ct-request-id .ct-lines li`, (ls) => ls.map((l) => l.textContent)))[0]).toBe('-5.5 ms  db query');

    await page.check(`${CT} .ct-loss`);
    await expect.poll(() => col('previous-points', 'ct-complete')).toEqual(['Known incomplete: a2, d2 never arrived (bridged around).']);
    expect(await col('previous-points', 'ct-score')).toEqual(['6 of 6 real edges rebuilt']);
    expect((await col('request-id', 'ct-complete'))[0]).toMatch(/^Complete\? Cannot tell/);
    expect((await col('previous-points', 'ct-hops')).join(' ')).toContain('db→web 56 B');
    expect(await page.$(`${CT}[data-demo-ran]`)).not.toBeNull();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('breaks the trace at the B3-only service, joins it with a composite, and shows the hop in every dialect', { timeout: 90_000 }, async () => {
    const { page, problems } = await openDeck(browser, '#/dialects');
    await page.waitForSelector(`${DL}[data-demo-state="mounted"]`);
    await page.click(`${DL} .dl-send`);
    await expect.poll(() => page.textContent(`${DL} .dl-verdict`), { timeout: 20_000 }).toMatch(/^Checkout 1001: 2 traces for one request/);
    const wire = (await page.textContent(`${DL} .dl-wire`)) ?? '';
    expect(wire).toMatch(/traceparent: 00-[0-9a-f]{32}-[0-9a-f]{16}-01/);
    expect(wire).not.toContain('x-b3-traceid');
    const traceId = /traceparent: 00-([0-9a-f]{32})/.exec(wire)![1]!;
    const table = (await page.textContent(`${DL} .dl-table`)) ?? '';
    expect(table).toContain(`b3${traceId}-`);
    expect(table).toContain(`uber-trace-id${traceId}:`);
    expect(table).toContain(`Root=1-${traceId.slice(0, 8)}-${traceId.slice(8)}`);
    expect(table).toContain(`x-datadog-trace-id${BigInt(`0x${traceId.slice(16)}`).toString()}`);
    expect(table).toContain(`_dd.p.tid=${traceId.slice(0, 16)}`);

    await page.check(`${DL} .dl-composite`);
    await page.click(`${DL} .dl-send`);
    await expect.poll(() => page.textContent(`${DL} .dl-verdict`), { timeout: 20_000 }).toMatch(/^Checkout 1002: one trace/);
    expect(await page.textContent(`${DL} .dl-wire`)).toContain('x-b3-traceid');
    // The verdict can come before the last of ledger's spans is listed: wait for the whole trace.
    await expect.poll(() => page.$$eval(`${DL} .dl-trace`, (ts) => ts.map((t) => t.querySelectorAll('li').length)), { timeout: 10_000 }).toEqual([5]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('prints a seeded final state of every demo in the chapter', { timeout: 90_000 }, async () => {
    const { page, problems } = await openDeck(browser, '?print-pdf');
    const rid = '[data-demo="request-id"]';
    const bb = '[data-demo="blackbox"]';
    await page.waitForSelector(`${rid}[data-demo-state="printed"]`, { state: 'attached', timeout: 60_000 });
    await page.waitForSelector(`${bb}[data-demo-state="printed"]`, { state: 'attached', timeout: 60_000 });
    expect(await page.textContent(`${rid} .rid-log:nth-child(1) .rid-count`)).toBe('4 lines');
    const printed = await page.$$eval(`${bb} .bb-right-score`, (cells) => cells.map((c) => Number(/\((\d+)%\)/.exec(c.textContent ?? '')?.[1])));
    expect(printed).toHaveLength(2);
    expect(printed[0]).toBe(100);
    expect(printed[1]).toBeLessThan(100);
    for (const name of ['submitter-trigger', 'causal-tracking', 'dialects']) {
      await page.waitForSelector(`[data-demo="${name}"][data-demo-state="printed"]`, { state: 'attached', timeout: 60_000 });
    }
    expect(await page.textContent('[data-demo="submitter-trigger"] .st-answer')).toMatch(/^Trigger-preserving/);
    expect(await page.textContent('[data-demo="submitter-trigger"] .wf-link-mark:not([hidden])')).toBe('↗1');
    expect(await page.textContent('[data-demo="causal-tracking"] .ct-previous-points .ct-complete')).toBe('Known incomplete: a2, d2 never arrived (bridged around).');
    expect(await page.textContent('[data-demo="dialects"] .dl-verdict')).toMatch(/2 traces for one request/);
    expect(await page.textContent('[data-demo="dialects"] .dl-table')).toContain('x-datadog-parent-id');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('has no serious accessibility violation on any slide of the chapter, demos driven', { timeout: 120_000 }, async () => {
    const { page, problems } = await openDeck(browser, '#/approaches');
    const found = await chapterViolations(page, CHAPTER, async (p) => {
      if (await p.$(`${RID}`)) {
        await p.click(`${RID} .rid-many`);
        await p.waitForFunction((s) => (document.querySelector(`${s} .rid-count`)?.textContent ?? '') === '4 lines', RID, { timeout: 20_000 });
        await p.click(`${RID} .rid-use-last`);
      }
      if (await p.$(`${BB}`)) {
        await p.click(`${BB} .bb-send`);
        await scores(p, 1);
      }
      if (await p.$(`${ST}`)) {
        await p.click(`${ST} .st-run`);
        await p.waitForSelector(`${ST} .wf-row`, { timeout: 20_000 });
        await p.click(`${ST} .wf-row[aria-label^="cart flush"]`);
      }
      if (await p.$(`${CT}`)) {
        await p.click(`${CT} .ct-run`);
        await p.waitForSelector(`${CT} .ct-score`, { timeout: 20_000 });
      }
      if (await p.$(`${DL}`)) {
        await p.click(`${DL} .dl-send`);
        await p.waitForSelector(`${DL} .dl-trace`, { timeout: 20_000 });
      }
    });
    expect(found).toEqual({});
    expect(problems).toEqual([]);
    await page.close();
  });
});
