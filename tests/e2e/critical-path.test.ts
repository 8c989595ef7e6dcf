/**
 * The critical path on the waterfall, driven as a learner would: the path is on, its stripes match `criticalPath` of
 * the trace on show, `]` and `[` and the segment buttons step along it and each step is said in the live region,
 * and none of it moves the deck. The live trace is read back from the rows (level, times, names) and its path
 * computed here in Node, so the page is checked against the analysis, not against itself.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { criticalPath, type CriticalPath } from '../../src/analysis/critical-path';
import { JAEGER_UI_2371 } from '../../src/analysis/critical-path-fixtures';
import type { SpanRecord } from '../../src/telemetry/span-record';
import { criticalPathSummary, segmentAnnouncement, spanLabel } from '../../src/viz/waterfall/critical-path-layout';
import { describeViolations, seriousViolations } from './axe';
import { launchBrowser, openDeck, position } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const LIVE = '.present .cp-pane:first-child';
const CASE = '.present .cp-trace--case';

/** What the live region says now, without the no-break space that makes a repeat heard. */
const said = (page: Page, scope: string) => page.$eval(`${scope} .wf-cp-live`, (el) => (el.textContent ?? '').replace(/\u00a0$/, ''));

interface ReadRow {
  readonly level: number;
  readonly label: string;
  readonly startMs: number;
  readonly spanMs: number;
  readonly stripes: number;
}

/** Every row of the waterfall in `scope`, scrolling through it: its level, words, times and critical-path stripes. */
async function readRows(page: Page, scope: string): Promise<ReadRow[]> {
  const byTop = new Map<number, ReadRow>();
  const scroller = `${scope} .wf-scroll`;
  await page.$eval(scroller, (el) => (el.scrollTop = 0));
  for (let i = 0; i < 100; i++) {
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const seen = await page.$$eval(`${scope} [role="treeitem"]:not([hidden])`, (items) =>
      items.map((x) => {
        const el = x as HTMLElement;
        // The span's times are on its track (row-element.ts), where the bar and its label use them.
        const track = el.querySelector<HTMLElement>('.wf-track');
        return {
          top: Number.parseFloat(el.style.top || '-1'),
          level: Number(el.getAttribute('aria-level')),
          label: el.getAttribute('aria-label') ?? '',
          startMs: Number(track?.style.getPropertyValue('--wf-start-ms')),
          spanMs: Number(track?.style.getPropertyValue('--wf-span-ms')),
          stripes: el.querySelectorAll('.wf-cp-seg:not([hidden])').length,
        };
      }),
    );
    for (const { top, ...row } of seen) byTop.set(top, row);
    const atEnd = await page.$eval(scroller, (el) => {
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return true;
      el.scrollTop += Math.max(40, el.clientHeight / 2);
      return false;
    });
    if (atEnd) break;
  }
  await page.$eval(scroller, (el) => (el.scrollTop = 0));
  return [...byTop.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
}

/** A row's words (service and span name) from its accessible name, "<service> <name>, <duration>[, marks]". */
const wordsOf = (label: string): string => /^(.*?), -?[\d.]+ (?:ns|µs|ms|s)(?:,|$)/.exec(label)?.[1] ?? label;

/** The rows as span records again: parents from the levels, service and name from the row's words. */
function spansOf(rows: readonly ReadRow[]): SpanRecord[] {
  const stack: string[] = [];
  return rows.map((row, i) => {
    const spanId = `row${i}`;
    stack.length = row.level - 1;
    const parentSpanId = stack[stack.length - 1];
    stack.push(spanId);
    const words = wordsOf(row.label);
    const space = words.indexOf(' ');
    return {
      traceId: 't',
      spanId,
      ...(parentSpanId !== undefined ? { parentSpanId } : {}),
      name: words.slice(space + 1),
      kind: 'INTERNAL',
      serviceName: words.slice(0, space),
      startMs: row.startMs,
      endMs: row.startMs + row.spanMs,
      status: { code: 'UNSET' },
      attributes: {},
      events: [],
      links: [],
      resource: {},
      scope: { name: 'e2e' },
    } satisfies SpanRecord;
  });
}

function announcements(path: CriticalPath, spans: readonly SpanRecord[], traceStartMs: number): string[] {
  const byId = new Map(spans.map((s) => [s.spanId, s] as const));
  return path.segments.map((segment, index) =>
    segmentAnnouncement({ index, count: path.segments.length, segment, spanLabel: spanLabel(byId.get(segment.spanId)!) }, traceStartMs),
  );
}

describe('the critical path on a waterfall', () => {
  it('draws the path the rule gives for jaeger-ui #2371, and the buttons step along it, stopping at the end', async () => {
    const { page, problems } = await openDeck(browser, '#/critical-path');
    const toggle = page.locator(CASE).getByRole('button', { name: 'Critical path' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const { spans } = JAEGER_UI_2371;
    const path = criticalPath(spans);
    // One stripe per segment the rule drew: B, the root's wait, C; none on A, which really was on the path.
    const rows = await readRows(page, CASE);
    const stripes = Object.fromEntries(rows.map((r) => [wordsOf(r.label), r.stripes]));
    expect(stripes).toEqual({ 'api GET /report': 1, 'api GET /a (foo1)': 0, 'api GET /b (foo2)': 1, 'api GET /c (foo3, after foo1)': 1 });
    expect(rows.find((r) => r.label.startsWith('api GET /b'))!.label).toMatch(/, on the critical path$/);
    expect(rows.find((r) => r.label.startsWith('api GET /a'))!.label).not.toMatch(/critical path/);
    const labelOf = (id: string) => spanLabel(spans.find((s) => s.spanId === id)!);
    expect(await page.textContent(`${CASE} .wf-cp-summary`)).toBe(criticalPathSummary(path, labelOf));
    const text = (await page.textContent('.present .cp-case-text')) ?? '';
    expect(text).toContain('Drawn: GET /b (foo2) → GET /report → GET /c (foo3, after foo1)');
    expect(text).toContain('Happened: GET /a (foo1) → GET /report');

    const expected = announcements(path, spans, Math.min(...spans.map((s) => s.startMs)));
    expect(expected[0]).toBe('Critical path segment 1 of 3: api GET /b (foo2), 0 ms to 50.0 ms (50.0 ms)');
    const before = await position(page);
    const next = page.locator(CASE).getByRole('button', { name: 'Next segment' });
    const previous = page.locator(CASE).getByRole('button', { name: 'Previous segment' });
    for (const words of expected) {
      await next.click();
      await expect.poll(() => said(page, CASE)).toBe(words);
    }
    // Selected and scrolled to: the segment's span is the selected row, with the current segment framed.
    expect(await page.getAttribute(`${CASE} [role="treeitem"][aria-selected="true"]`, 'aria-label')).toMatch(/^api GET \/c/);
    expect(await page.locator(`${CASE} .wf-cp-seg--current`).count()).toBe(1);
    await next.click();
    await expect.poll(() => said(page, CASE)).toBe(`Last segment. ${expected[2]}`);
    await previous.click();
    await expect.poll(() => said(page, CASE)).toBe(expected[1]);
    // The button keeps focus, so Enter steps again; no key or click moved the deck.
    await page.keyboard.press('Enter');
    await expect.poll(() => said(page, CASE)).toBe(expected[0]);
    await page.keyboard.press('Enter');
    await expect.poll(() => said(page, CASE)).toBe(`First segment. ${expected[0]}`);
    expect(await position(page)).toBe(before);

    // Off: no stripes, no step buttons, and the brackets are not the waterfall's any more.
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => said(page, CASE)).toBe('Critical path off');
    expect(await page.locator(`${CASE} .wf-cp-seg:not([hidden])`).count()).toBe(0);
    expect(await next.isVisible()).toBe(false);
    expect((await readRows(page, CASE)).every((r) => !/critical path/.test(r.label))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('steps a live pairing trace with ] and [, matching criticalPath of its spans, and never moves the deck', async () => {
    const { page, problems } = await openDeck(browser, '#/critical-path');
    await expect.poll(() => page.textContent(`${LIVE} .cp-status`), { timeout: 20_000 }).toMatch(/→ 200 OK/);
    // Every span has ended once the response is in; wait for the frame that draws the last of them.
    await page.waitForTimeout(300);
    const rows = await readRows(page, LIVE);
    const spans = spansOf(rows);
    expect(spans.length).toBeGreaterThan(10);
    const path = criticalPath(spans);
    // The stripes on every row, scrolled through: as many as the span's segments.
    expect(rows.map((r) => r.stripes)).toEqual(spans.map((s) => path.bySpan.get(s.spanId)?.length ?? 0));
    const labelOf = (id: string) => spanLabel(spans.find((s) => s.spanId === id)!);
    expect(await page.textContent(`${LIVE} .wf-cp-summary`)).toBe(criticalPathSummary(path, labelOf));

    const expected = announcements(path, spans, 0);
    const before = await position(page);
    // Focus the root row without a selection (Escape clears it), so the first ] lands on the first segment.
    await page.locator(`${LIVE} [role="treeitem"]`).first().click();
    await page.keyboard.press('Escape');
    for (const words of expected) {
      await page.keyboard.press(']');
      await expect.poll(() => said(page, LIVE)).toBe(words);
      // The span stepped to is selected and holds the keyboard focus, scrolled into view.
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
      expect(words).toContain(`: ${wordsOf(focused)}, `);
      expect(await page.locator(`${LIVE} .wf-row--selected:not([hidden])`).isVisible()).toBe(true);
    }
    await page.keyboard.press(']');
    await expect.poll(() => said(page, LIVE)).toBe(`Last segment. ${expected[expected.length - 1]}`);
    await page.keyboard.press('[');
    await expect.poll(() => said(page, LIVE)).toBe(expected[expected.length - 2]);
    expect(await position(page)).toBe(before);

    // The brackets belong to the waterfall only while focus is inside it.
    await page.locator('.present h2').click();
    const last = await said(page, LIVE);
    await page.keyboard.press(']');
    await page.keyboard.press('[');
    await page.waitForTimeout(100);
    expect(await said(page, LIVE)).toBe(last);
    expect(await position(page)).toBe(before);

    expect(describeViolations(await seriousViolations(page))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
