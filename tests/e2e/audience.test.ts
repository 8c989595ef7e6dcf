/**
 * The room joins in: `npm run audience` (server/audience.mjs) on a free port, the presenter's deck on #/audience and
 * three phones (390×844, touch) on /join. Each phone sends a pairing; its trace id is found on the presenter's slide,
 * rooted at the phone's own span, and the traceparent the phone sent is the one the trace continued. Then the
 * presenter's deck reloads and the room carries on. Without the relay (the static build), the slide says how to
 * start it, and the laptop's own request still makes a trace rooted at a phone span.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openDeck } from './browser';

const ROOT = resolve(import.meta.dirname, '../..');
const SLIDE = '.reveal section#audience';

let browser: Browser;
let server: ChildProcess | undefined;
let presenterUrl = '';
let joinUrl = '';

/** Start the room's server on a free port (PORT=0) and read the addresses it prints. */
function startAudience(): Promise<void> {
  return new Promise((done, failed) => {
    const child = spawn(process.execPath, [resolve(ROOT, 'server/audience.mjs')], { cwd: ROOT, env: { ...process.env, PORT: '0', HOST: '127.0.0.1' } });
    server = child;
    let out = '';
    const timer = setTimeout(() => failed(new Error(`npm run audience printed no address in 30 s:\n${out}`)), 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const presenter = /Presenter: open (\S+)/.exec(out)?.[1];
      const join = /Join at (\S+)/.exec(out)?.[1];
      if (presenter && join) {
        clearTimeout(timer);
        presenterUrl = presenter;
        joinUrl = join;
        done();
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.once('exit', (code) => failed(new Error(`npm run audience exited with ${code}:\n${out}`)));
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  server?.kill('SIGTERM');
});

interface Phone {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly problems: string[];
  /** Everything the page sent on its socket (WebSocket frames and long-polling bodies). */
  readonly sent: string[];
}

async function openPhone(): Promise<Phone> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  const problems: string[] = [];
  const sent: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('websocket', (ws) => ws.on('framesent', (f) => sent.push(String(f.payload))));
  page.on('request', (r) => r.url().includes('/socket.io/') && r.postData() && sent.push(r.postData()!));
  await page.goto(joinUrl);
  await page.waitForFunction(() => document.querySelector('.join-status')?.textContent === 'In the room. Pick a request.', undefined, { timeout: 20_000 });
  return { context, page, problems, sent };
}

async function openPresenter(page: Page): Promise<void> {
  await page.goto(presenterUrl);
  await page.waitForFunction(() => document.querySelector('.reveal.ready') !== null);
  await page.waitForFunction((s) => /^Relay connected/.test(document.querySelector(`${s} .au-relay`)?.textContent ?? ''), SLIDE, { timeout: 20_000 });
}

/** Tap the pairing button and read what the phone shows: the full trace id and its waterfall's rows. */
async function pair(phone: Phone): Promise<{ traceId: string; took: string; rows: string[] }> {
  await phone.page.tap('button[data-kind="pair"]');
  await phone.page.waitForSelector('.join-full-id', { timeout: 20_000 });
  return {
    traceId: (await phone.page.textContent('.join-full-id')) ?? '',
    took: (await phone.page.textContent('.join-took')) ?? '',
    rows: await phone.page.$$eval('.pw-row', (rows) => rows.map((r) => r.textContent ?? '')),
  };
}

/** The traceparent this phone sent with its request, read off the wire. */
function sentTraceparent(phone: Phone): string {
  const found = phone.sent.map((m) => /"traceparent":"(00-[0-9a-f]{32}-[0-9a-f]{16}-0[01])"/.exec(m)?.[1]).filter(Boolean);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('the room, served by npm run audience', () => {
  it("finds each of three phones' traces on the presenter's slide, rooted at the phone's span", async () => {
    await startAudience();
    expect(joinUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/join$/);
    const presenter = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const presenterProblems: string[] = [];
    presenter.on('pageerror', (e) => presenterProblems.push(e.message));
    presenter.on('console', (m) => m.type() === 'error' && presenterProblems.push(m.text()));
    await openPresenter(presenter);
    // The QR code and the address, as text, for the room.
    expect(await presenter.textContent(`${SLIDE} .au-address`)).toBe(`Join at ${joinUrl.replace('http://', '')}`);
    expect(await presenter.getAttribute(`${SLIDE} .au-qr svg`, 'aria-label')).toContain(joinUrl);

    const phones = [await openPhone(), await openPhone(), await openPhone()];
    await presenter.waitForFunction((s) => document.querySelector(`${s} .au-count`)?.textContent === '3 in the room', SLIDE, { timeout: 10_000 });

    const answers = [];
    for (const phone of phones) answers.push(await pair(phone));
    for (const [i, phone] of phones.entries()) {
      const { traceId, took, rows } = answers[i]!;
      const traceparent = sentTraceparent(phone);
      const [, sentTraceId, phoneSpanId] = traceparent.split('-');
      // The trace the deck ran is the one the phone began.
      expect(traceId).toBe(sentTraceId);
      expect(took).toMatch(new RegExp(`^Your request took \\d+ ms; ${i} other (person|people) asked too\\.$`));
      expect(rows[0]).toMatch(/^phone GET \/pair\/beer \d+ ms$/);
      expect(rows[1]).toMatch(/^web GET \/pair\/beer \d+ ms$/);

      // On the presenter's slide: listed by its short id, rooted at the phone once the phone said it was done.
      const item = `${SLIDE} button[data-trace-id="${traceId}"][data-rooted="phone"]`;
      await presenter.waitForSelector(item, { timeout: 10_000 });
      expect(await presenter.textContent(item)).toMatch(new RegExp(`^${traceId.slice(0, 8)} · GET /pair/beer · 200 · \\d+ ms$`));
      await presenter.click(item);
      await presenter.waitForFunction((s) => document.querySelectorAll(`${s} .au-trace-panel [role="treeitem"]:not([hidden])`).length > 2, SLIDE);
      const tree = await presenter.$$eval(`${SLIDE} .au-trace-panel [role="treeitem"]:not([hidden])`, (r) =>
        r.map((x) => ({ level: x.getAttribute('aria-level'), label: x.getAttribute('aria-label') ?? '' })),
      );
      expect(tree[0]!.level).toBe('1');
      expect(tree[0]!.label).toMatch(/phone/);
      expect(tree[0]!.label).toMatch(/GET \/pair\/beer/);
      expect(tree[1]!.level).toBe('2');
      expect(tree[1]!.label).toMatch(/web/);
      expect(await presenter.textContent(`${SLIDE} .au-trace-title`)).toBe(`Trace ${traceId}`);
      await presenter.click(`${SLIDE} .au-back`);
      expect(phoneSpanId).toMatch(/^[0-9a-f]{16}$/);
    }
    // The room's first rooted trace is the demo's first result: the Notice shows.
    expect(await presenter.getAttribute(`${SLIDE} [data-demo="audience"]`, 'data-demo-ran')).toBe('');
    // The room's service map has the phones as a client of web.
    expect(await presenter.textContent(`${SLIDE} .au-map`)).toMatch(/phone/);

    // The deck reloads mid-talk: the room reconnects and a phone's next request is answered.
    await openPresenter(presenter);
    await presenter.waitForFunction((s) => document.querySelector(`${s} .au-count`)?.textContent === '3 in the room', SLIDE, { timeout: 10_000 });
    await new Promise((r) => setTimeout(r, 2100)); // the phone's rate limit: one request every two seconds
    await phones[0]!.page.tap('button[data-kind="beers"]');
    await phones[0]!.page.waitForFunction(() => /GET \/beers/.test(document.querySelector('.pw-row')?.textContent ?? ''), undefined, { timeout: 20_000 });

    expect(presenterProblems).toEqual([]);
    for (const phone of phones) {
      expect(phone.problems).toEqual([]);
      await phone.context.close();
    }
    await presenter.close();
  }, 120_000);
});

describe('the room, without the relay', () => {
  it('says how to start it, and the laptop still sends a request rooted at a phone span', async () => {
    const deck = await openDeck(browser, '#/audience');
    const { page } = deck;
    await page.waitForSelector(`${SLIDE} .au-howto`);
    expect(await page.textContent(`${SLIDE} .au-howto`)).toMatch(/run npm run audience/);
    expect(await page.isVisible(`${SLIDE} .au-qr`)).toBe(false);
    await page.click(`${SLIDE} .au-laptop`);
    await page.waitForSelector(`${SLIDE} button[data-trace-id]`, { timeout: 20_000 });
    await page.waitForFunction((s) => document.querySelector(`${s} [data-demo="audience"]`)?.hasAttribute('data-demo-ran'), SLIDE);
    await page.click(`${SLIDE} button[data-trace-id]`);
    await page.waitForFunction((s) => document.querySelectorAll(`${s} .au-trace-panel [role="treeitem"]:not([hidden])`).length > 2, SLIDE);
    const first = await page.$eval(`${SLIDE} .au-trace-panel [role="treeitem"]`, (x) => x.getAttribute('aria-label') ?? '');
    expect(first).toMatch(/phone/);
    expect(deck.problems).toEqual([]);
    expect(deck.foreignRequests).toEqual([]);
    expect(await deck.cspViolations()).toEqual([]);
    await page.close();
  }, 60_000);
});
