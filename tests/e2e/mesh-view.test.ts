/**
 * The service-mesh demo, driven as a learner would: send a pairing, read both waterfalls row by row, untick the
 * header-forwarding switch and walk the mesh traces with the picker (by mouse and by keyboard), then reset. The
 * mesh's rows are checked against what the code's rows say, read from the same page: one sidecar span per HTTP
 * request on each side, none for the steps inside web or its database calls, one trace per call without forwarding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeViolations, seriousViolations } from './axe';
import { launchBrowser, openDeck, position, readWholeTree, type TreeRow } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const APP = '.present .mesh-column:first-child';
const MESH = '.present .mesh-column:last-child';
const NOTICE = '.present .demo-notice';

/** A row's words, "<service> <name>", without the duration and marks after them. */
const words = (row: TreeRow): string => row.label.split(',')[0] ?? '';
const visibility = (page: Page, sel: string) => page.$eval(sel, (n) => getComputedStyle(n).visibility);

describe('the service-mesh view of a pairing', () => {
  it('shows the hops the sidecars see, splits them without forwarding, and resets', async () => {
    const { page, problems, foreignRequests } = await openDeck(browser, '#/mesh-view');
    const start = await position(page);
    expect(await visibility(page, NOTICE)).toBe('hidden');
    expect(await page.locator(`${MESH} .mesh-pick-box`).isHidden()).toBe(true);

    await page.getByRole('button', { name: 'New pairing' }).click();
    await expect.poll(() => page.textContent('.present .mesh-status'), { timeout: 20_000 }).toMatch(/→ 200 OK in \d+ ms/);
    await page.waitForFunction((sel) => getComputedStyle(document.querySelector(sel)!).visibility === 'visible', NOTICE, { timeout: 10_000 });
    await page.waitForTimeout(300);

    const app = await readWholeTree(page, APP);
    const tastings = app.filter((r) => words(r) === 'taster GET /taste').length;
    const dbCalls = app.filter((r) => /^web (SELECT|SMEMBERS)/.test(words(r))).length;
    const steps = app.filter((r) => /^web (beer\.query|donuts\.query|donuts\.fresh|match)$/.test(words(r))).length;
    expect(tastings).toBeGreaterThan(3);
    expect([dbCalls, steps]).toEqual([3, 4]);

    // Joined: web's inbound span at the root, an outbound span under it per call, the callee's inbound under that.
    const mesh = await readWholeTree(page, MESH);
    expect(mesh).toHaveLength(1 + 2 * tastings);
    expect(words(mesh[0]!)).toBe('web web.default.svc.cluster.local:5000/*');
    expect(mesh[0]!.level).toBe(1);
    const rest = mesh.slice(1);
    expect(rest.filter((r) => r.level === 2).map(words)).toEqual(Array(tastings).fill('web taster.default.svc.cluster.local:5001/*'));
    expect(rest.filter((r) => r.level === 3).map(words)).toEqual(Array(tastings).fill('taster taster.default.svc.cluster.local:5001/*'));
    expect(mesh.some((r) => /SELECT|SMEMBERS|beer\.query|match/.test(r.label))).toBe(false);
    expect(await page.textContent(`${MESH} .mesh-count`)).toBe(
      `${1 + 2 * tastings} spans in 1 trace: no span for the 4 steps inside the code or the 3 database or Redis calls.`,
    );

    // Unticked: one trace for web's inbound request, one more per call to taster, each picked in turn.
    await page.getByLabel('web and taster forward the trace headers').click();
    const picker = page.getByLabel('Mesh trace');
    await expect.poll(() => picker.isVisible()).toBe(true);
    const options = await picker.locator('option').allTextContents();
    expect(options).toHaveLength(1 + tastings);
    expect(options[0]).toBe(`Trace 1 of ${1 + tastings}: web, 1 span`);
    expect(options[1]).toBe(`Trace 2 of ${1 + tastings}: web → taster, 2 spans`);
    expect((await readWholeTree(page, MESH)).map(words)).toEqual(['web web.default.svc.cluster.local:5000/*']);
    expect(await page.textContent(`${MESH} .mesh-count`)).toMatch(new RegExp(`^${1 + 2 * tastings} spans in ${1 + tastings} separate traces`));

    await picker.selectOption({ index: 1 });
    await expect
      .poll(async () => (await readWholeTree(page, MESH)).map((r) => `${r.level} ${words(r)}`))
      .toEqual(['1 web taster.default.svc.cluster.local:5001/*', '2 taster taster.default.svc.cluster.local:5001/*']);
    // The select keeps its arrow keys: the next trace, and the deck stays where it is.
    await picker.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => picker.inputValue()).toBe('2');
    expect(await position(page)).toBe(start);
    expect(describeViolations(await seriousViolations(page))).toEqual([]);

    // The code's own trace never changed: the switch is about the mesh.
    expect((await readWholeTree(page, APP)).map(words)).toEqual(app.map(words));

    await page.getByRole('button', { name: 'Reset' }).click();
    await expect.poll(() => page.getByLabel('web and taster forward the trace headers').isChecked()).toBe(true);
    expect(await visibility(page, NOTICE)).toBe('hidden');
    // Drawn on the next frame: both waterfalls empty again, the picker gone.
    await expect.poll(() => page.locator(`.present .mesh [role="treeitem"]:not([hidden])`).count()).toBe(0);
    expect(await page.locator(`${MESH} .mesh-pick-box`).isHidden()).toBe(true);
    expect(await position(page)).toBe(start);
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  }, 90_000);
});
