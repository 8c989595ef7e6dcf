/**
 * The support track's exercise, driven as a learner would: a ticket, the replayed request's trace, answers chosen
 * by selecting spans and a service, checked against the trace.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openDeck, position } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const verdicts = (page: Page) => page.$$eval('.present .tr-verdict', (v) => v.map((x) => x.textContent ?? ''));
const ticket = (page: Page) => page.textContent('.present .tr-ticket');

async function newIncident(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New incident' }).click();
  await expect.poll(() => ticket(page), { timeout: 20_000 }).toMatch(/Read its trace\.$/);
}

/**
 * Click the first visible row whose accessible name starts with `label` and is (or is not) in error. The waterfall
 * draws on the next animation frame, so on a loaded machine the row may come a moment after the ticket: look again
 * for up to 10 s before failing.
 */
async function selectRow(page: Page, label: string, inError: boolean): Promise<void> {
  const rows = page.locator('.present [role="treeitem"]:not([hidden])');
  const deadline = Date.now() + 10_000;
  do {
    const n = await rows.count();
    for (let i = 0; i < n; i++) {
      const row = rows.nth(i);
      const name = (await row.getAttribute('aria-label')) ?? '';
      if (name.startsWith(label) && /error/i.test(name) === inError) {
        await row.click();
        return;
      }
    }
    await page.waitForTimeout(200);
  } while (Date.now() < deadline);
  throw new Error(`no row "${label}" with inError=${inError}`);
}

describe('reading traces: the support exercise', () => {
  it('checks answers against the trace of a request to a service that is down', async () => {
    const { page, problems, foreignRequests } = await openDeck(browser, '#/reading-practice');
    await newIncident(page);
    expect(await ticket(page)).toMatch(/^Ticket 1: .*It answered 502 Bad Gateway/);
    const answer = page.getByRole('button', { name: 'Answer with the selected span' });

    // The root span is red, but only because what it waited for failed.
    await selectRow(page, 'web GET /pair/beer', true);
    await answer.nth(1).click();
    expect((await verdicts(page))[1]).toMatch(/^✗ That span failed because something beneath it did/);
    // The first call to taster is where it started: web's client span, refused.
    await selectRow(page, 'web GET /taste', true);
    expect(await page.textContent('.present .tr-selection')).toBe('Selected: web GET /taste');
    await answer.nth(1).click();
    expect((await verdicts(page))[1]).toMatch(/^✓ Right: web GET \/taste failed first \(connect ECONNREFUSED taster:5001\)/);

    // The span is web's, the fault taster's.
    const service = page.getByLabel('Service', { exact: true });
    expect(await service.locator('option').evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value))).toEqual(['web', 'db', 'redis', 'taster']);
    await service.selectOption('web');
    await page.getByRole('button', { name: 'Check' }).click();
    expect((await verdicts(page))[2]).toMatch(/^✗ Not web/);
    // Arrow keys in the list change the choice, not the slide.
    const before = await position(page);
    await service.focus();
    await page.keyboard.press('ArrowRight');
    expect(await position(page)).toBe(before);
    await service.selectOption('taster');
    await page.getByRole('button', { name: 'Check' }).click();
    expect((await verdicts(page))[2]).toMatch(/^✓ Right: web could not get an answer from taster/);

    // "Show the answers" opens the span where it went wrong.
    await page.getByRole('button', { name: 'Show the answers' }).click();
    const shown = await verdicts(page);
    expect(shown.every((v) => v.startsWith('✓'))).toBe(true);
    expect(await page.textContent('.present .tr-selection')).toBe('Selected: web GET /taste');
    expect(problems).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it('says when a trace has nothing in error, and finds the slow hop by self time', async () => {
    const { page, problems } = await openDeck(browser, '#/reading-practice');
    await newIncident(page);
    await newIncident(page);
    expect(await ticket(page)).toMatch(/^Ticket 2: .*It answered 200 OK/);
    await selectRow(page, 'web GET /pair/beer', false);
    await page.getByRole('button', { name: 'Answer with the selected span' }).first().click();
    // The root only waited: most of its bar is its children's.
    expect((await verdicts(page))[0]).toMatch(/^✗ Not that one: its bar is .* of it is its children's/);
    await page.getByRole('button', { name: 'Show the answers' }).click();
    const [slowest, cause, blame] = await verdicts(page);
    expect(slowest).toMatch(/^✓ Right: web \S+ .* spent \d{3} ms on its own\.$/);
    expect(cause).toMatch(/^– Nothing in this trace is in error/);
    expect(blame).toMatch(/^– Nothing failed here/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('resets with R and shows a seeded, answered incident in print view', async () => {
    const deck = await openDeck(browser, '#/reading-practice');
    await newIncident(deck.page);
    await deck.page.locator('.present .demo-primary').focus();
    await deck.page.keyboard.press('Escape');
    await deck.page.keyboard.press('r');
    await expect.poll(() => ticket(deck.page)).toBe('Press “New incident” to get a ticket.');
    expect(await deck.page.$$('.present [role="treeitem"]:not([hidden])')).toHaveLength(0);
    await deck.page.close();

    const { page, problems } = await openDeck(browser, '?print-pdf');
    await page.waitForSelector('[data-demo="trace-reading"][data-demo-state="printed"]', { state: 'attached', timeout: 20_000 });
    const printed = await page.$$eval('[data-demo="trace-reading"] .tr-verdict', (v) => v.map((x) => x.textContent ?? ''));
    expect(printed[2]).toMatch(/^✓ Right: web could not get an answer from taster/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
