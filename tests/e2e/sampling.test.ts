/**
 * The sampling lab against the built deck, driven as a learner would: set the head sampling ratio, send 1,000
 * requests and read "kept N of M traces" (within statistical bounds of the ratio), see -01 and -00 on the wire;
 * tail sampling keeps every error and every slow trace and shows the YAML; axe on the slides.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeViolations, seriousViolations } from './axe';
import { demoStats, launchBrowser, openDeck } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const scope = (view: string) => `.present [data-demo="sampling-lab"][data-view="${view}"]`;
/** "kept 98 of 1,000 traces" → [98, 1000]. */
const pair = (text: string | null, what: RegExp): [number, number] => {
  const m = what.exec(text ?? '');
  return m ? [Number(m[1]!.replace(/,/g, '')), Number(m[2]!.replace(/,/g, ''))] : [Number.NaN, Number.NaN];
};
const KEPT = /kept ([\d,]+) of ([\d,]+) traces/;
const ERRORS = /errors kept ([\d,]+) of ([\d,]+)/;
const SLOW = /slow traces kept ([\d,]+) of ([\d,]+)/;

async function sendAndWait(page: Page, s: string): Promise<void> {
  await page.click(`${s} .sl-send`);
  await expect.poll(() => page.getAttribute(`${s} .sl-send`, 'aria-disabled'), { timeout: 5_000 }).toBe('true');
  await expect.poll(() => page.getAttribute(`${s} .sl-send`, 'aria-disabled'), { timeout: 170_000, interval: 500 }).toBe('false');
}

describe('the sampling lab', () => {
  it('head sampling at a ratio keeps about that share of 1,000 traces, and the flag travels in traceparent', async () => {
    const { page, problems } = await openDeck(browser, '#/head-sampling');
    const s = scope('head');
    await page.waitForSelector(`${s} .sl-send`);
    expect(await page.getAttribute(`${s} .sl-head-ratio`, 'id')).toBe(await page.getAttribute(`${s} label:text("Head sampling ratio")`, 'for'));
    await page.fill(`${s} .sl-head-ratio`, '0.2');
    await sendAndWait(page, s);
    const [kept, total] = pair(await page.textContent(`${s} [data-testid="kept"]`), KEPT);
    expect(total).toBe(1000);
    // Binomial(1000, 0.2): sigma is about 12.6; 5 sigma either side.
    expect(Math.abs(kept - 200)).toBeLessThan(64);
    const [errorsKept, errors] = pair(await page.textContent(`${s} [data-testid="errors-kept"]`), ERRORS);
    expect(errors).toBeGreaterThan(0);
    expect(errorsKept).toBeLessThanOrEqual(errors);
    const wire = (await page.textContent(`${s} .sl-wire`)) ?? '';
    expect(wire).toMatch(/traceparent: 00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]/);
    // ParentBased everywhere: no broken traces.
    expect(await page.textContent(`${s} .sl-readout`)).not.toMatch(/broken/);
    expect(await page.locator(`${s} .sl-cell.sl-kept`).count()).toBe(kept);
    // With a thousand squares, the wire and the lists drawn.
    expect(describeViolations(await seriousViolations(page))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 200_000);

  it('tail sampling keeps every error and every slow trace, and shows the Collector YAML', async () => {
    const { page, problems } = await openDeck(browser, '#/tail-sampling');
    const s = scope('tail');
    await page.waitForSelector(`${s} .sl-send`);
    expect(await page.textContent(`${s} .sl-yaml`)).toMatch(/tail_sampling:\n\s+decision_wait: 30s\n\s+num_traces: 50000/);
    await sendAndWait(page, s);
    const [errorsKept, errors] = pair(await page.textContent(`${s} [data-testid="errors-kept"]`), ERRORS);
    const [slowKept, slow] = pair(await page.textContent(`${s} [data-testid="slow-kept"]`), SLOW);
    expect(errors).toBeGreaterThan(0);
    expect(errorsKept).toBe(errors);
    expect(slow).toBeGreaterThan(0);
    expect(slowKept).toBe(slow);
    const [kept, total] = pair(await page.textContent(`${s} [data-testid="kept"]`), KEPT);
    expect(total).toBe(1000);
    expect(kept).toBeLessThan(total / 4);
    expect(await page.textContent(`${s} .sl-reasons`)).toMatch(/policy “errors” sampled it/);
    expect(await page.textContent(`${s} [data-testid="buffer"]`)).toMatch(/peak [\d,]+ spans/);
    expect(describeViolations(await seriousViolations(page))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 200_000);

  it('a ratio that is not one is refused with a message, and nothing is sent', async () => {
    const { page } = await openDeck(browser, '#/head-sampling');
    const s = scope('head');
    await page.waitForSelector(`${s} .sl-send`);
    await page.fill(`${s} .sl-head-ratio`, '7');
    await page.click(`${s} .sl-send`);
    await expect.poll(() => page.textContent(`${s} .demo-problem`)).toMatch(/a number from 0 to 1/);
    expect(await page.textContent(`${s} [data-testid="kept"]`)).toBe('kept 0 of 0 traces');
    await page.close();
  });

  it("an X-Ray group narrows the service map and the list to the traces its filter matches", async () => {
    const { page, problems } = await openDeck(browser, '#/xray-groups');
    const s = scope('xray-group');
    await page.waitForSelector(`${s} .sl-send`);
    await sendAndWait(page, s);
    const note = `${s} .sl-filter-note`;
    const count = async (): Promise<[number, number]> => pair(await page.textContent(note), /: ([\d,]+) of ([\d,]+) traces/);
    const [inGroup, all] = await count();
    expect(all).toBeGreaterThan(inGroup);
    expect(inGroup).toBeGreaterThan(0);
    // The group's map: both services, and the edge between them counts only the group's requests.
    const backend = page.locator(`${s} .sm-hit-node[data-id="backend-flask"]`);
    await expect.poll(() => backend.count()).toBe(1);
    // Every trace of the group passed through the backend once (a request still in flight at the end may not count).
    const served = Number(/^backend-flask, service: ([\d,]+) requests?/.exec((await backend.getAttribute('aria-label')) ?? '')?.[1]?.replace(/,/g, ''));
    expect(served).toBeLessThanOrEqual(inGroup);
    expect(served).toBeGreaterThan(inGroup * 0.9);
    // Open the backend's node and pick its first trace: it goes to the top of the group's list.
    await backend.click();
    const first = page.locator(`${s} .sm-trace-button`).first();
    await first.waitFor();
    await first.click();
    await expect.poll(() => page.textContent(`${s} .sl-group-list li:first-child`)).toMatch(/opened from the map/);
    // The other group: traces the backend dropped. Their frontend calls to it are still there, never answered by a
    // traced server: the backend is left on the map only as a virtual node (the Collector's, from the peer's name).
    await page.fill(`${s} .sl-filter`, '!service("backend-flask")');
    await expect.poll(async () => (await count())[0]).toBe(all - inGroup);
    await expect.poll(async () => (await backend.count()) === 0 || /^backend-flask, (?!service)/.test((await backend.getAttribute('aria-label')) ?? '')).toBe(true);
    // Not a filter this lab reads: a message, the map left as it was.
    await page.fill(`${s} .sl-filter`, 'responsetime > 2');
    await expect.poll(() => page.textContent(note)).toMatch(/service\("name"\)/);
    expect(problems).toEqual([]);
    await page.close();
  }, 200_000);

  it('holds a run while its slide is away (no timer, no progress) and finishes it on return', async () => {
    const { page, problems } = await openDeck(browser, '#/head-sampling');
    const s = scope('head');
    const anywhere = '[data-demo="sampling-lab"][data-view="head"]';
    await page.waitForSelector(`${s} .sl-send`);
    await page.click(`${s} .sl-send`);
    await expect.poll(async () => pair(await page.textContent(`${s} [data-testid="kept"]`), KEPT)[1], { timeout: 60_000 }).toBeGreaterThan(20);
    // By hash, as a presenter's "go to slide" does (arrow keys stay with the focused demo).
    await page.evaluate(() => (location.hash = '#/consistent-sampling'));
    await page.waitForSelector('.present [data-demo="sampling-lab"][data-view="consistent"]');
    const away = pair(await page.textContent(`${anywhere} [data-testid="kept"]`), KEPT)[1];
    expect(away).toBeLessThan(1000);
    await page.waitForTimeout(2_000);
    expect(pair(await page.textContent(`${anywhere} [data-testid="kept"]`), KEPT)[1]).toBe(away);
    const head = (await demoStats(page)).filter((d) => d.name === 'sampling-lab' && !d.visible);
    expect(head.every((d) => d.timers === 0)).toBe(true);
    await page.evaluate(() => (location.hash = '#/head-sampling'));
    await expect.poll(async () => pair(await page.textContent(`${s} [data-testid="kept"]`), KEPT)[1], { timeout: 170_000, interval: 500 }).toBe(1000);
    expect(problems).toEqual([]);
    await page.close();
  }, 200_000);

  for (const id of ['sampling', 'head-sampling', 'consistent-sampling', 'tail-sampling', 'unitary-sampling', 'xray-sampling', 'xray-groups', 'sampling-overhead', 'missing-trace']) {
    it(`axe finds nothing serious on #/${id}`, async () => {
      const { page } = await openDeck(browser, `#/${id}`);
      await page.waitForTimeout(800);
      expect(describeViolations(await seriousViolations(page))).toEqual([]);
      await page.close();
    });
  }
});
