/**
 * Every chapter's exercise, driven as a learner would: run the scenario, answer wrong (a hint, never the answer),
 * answer right (correct, and why), then the title slide's progress line counts them and its reset forgets them.
 * The right answer is worked out here from what the page shows (its lines, headers and the spans it offers as
 * JSON), so the page's check is tested against its own trace, not against a stored answer. Each slide is checked
 * with axe once its evidence and a verdict are drawn.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { criticalPath, criticalPathMsBySpan } from '../../src/analysis/critical-path';
import { ServiceGraph } from '../../src/analysis/service-graph';
import type { SpanRecord } from '../../src/telemetry/span-record';
import { describeViolations, seriousViolations } from './axe';
import { launchBrowser, openDeck } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SLIDE = '.reveal .slides > section.present';

/** A wrong answer and the right one, each as typed text or as the select's option index. */
interface Answers {
  readonly wrong: string | number;
  readonly right: string | number;
  /** What the hint must not contain: the right answer as the page would say it. */
  readonly secret: string;
}

async function goTo(page: Page, id: string): Promise<void> {
  await page.evaluate((slideId) => {
    window.location.hash = `#/${slideId}`;
  }, id);
  await page.waitForFunction((slideId) => document.querySelector('.reveal .slides > section.present')?.id === slideId, id);
}

const lines = (page: Page): Promise<string[]> => page.$$eval(`${SLIDE} .exercise-lines li`, (li) => li.map((l) => l.textContent ?? ''));
const focusText = (page: Page): Promise<string> => page.$eval(`${SLIDE} .exercise-focus`, (f) => f.textContent ?? '');
const options = (page: Page): Promise<Array<{ value: string; label: string }>> =>
  page.$$eval(`${SLIDE} .exercise-choice option`, (o) => o.map((x) => ({ value: (x as HTMLOptionElement).value, label: x.textContent ?? '' })));

/** The spans the page offers as JSON, read by opening its disclosure. */
async function spansOnPage(page: Page): Promise<SpanRecord[]> {
  await page.click(`${SLIDE} .exercise-json summary`);
  const text = await page.$eval(`${SLIDE} .exercise-json-text`, (p) => p.textContent ?? '');
  await page.click(`${SLIDE} .exercise-json summary`);
  return JSON.parse(text) as SpanRecord[];
}

/** The option whose value is `value`, as an index of the select (the first option is "Choose…"). */
async function indexOf(page: Page, value: string): Promise<number> {
  const i = (await options(page)).findIndex((o) => o.value === value);
  expect(i, `no option with value ${value}`).toBeGreaterThan(0);
  return i;
}

/** Any other real option than `right`. */
async function otherThan(page: Page, right: number): Promise<number> {
  const n = (await options(page)).length;
  return right === 1 ? 2 : 1 + ((right + n) % (n - 1));
}

/** Each span's time of its own: its duration less the union of its children's, clipped to it. */
function selfTimes(spans: readonly SpanRecord[]): Map<string, number> {
  const self = new Map<string, number>();
  for (const s of spans) {
    const kids = spans
      .filter((c) => c.parentSpanId === s.spanId)
      .map((c) => [Math.max(s.startMs, c.startMs), Math.min(s.endMs, c.endMs)] as const)
      .filter(([a, b]) => b > a)
      .sort((a, b) => a[0] - b[0]);
    let covered = 0;
    let reach = s.startMs;
    for (const [a, b] of kids) {
      if (b <= reach) continue;
      covered += b - Math.max(a, reach);
      reach = b;
    }
    self.set(s.spanId, s.endMs - s.startMs - covered);
  }
  return self;
}

const argmax = (m: Map<string, number>): string => [...m].reduce((best, cur) => (cur[1] > best[1] ? cur : best))[0];

/** Per exercise: how to answer it from what the page shows. */
const EXERCISES: ReadonlyArray<{ name: string; predictFirst?: boolean; solve: (page: Page) => Promise<Answers> }> = [
  {
    name: 'commute',
    async solve(page) {
      const spans = await spansOnPage(page);
      const best = argmax(selfTimes(spans));
      const root = spans.find((s) => !s.parentSpanId)!;
      return { right: await indexOf(page, best), wrong: await indexOf(page, root.spanId), secret: spans.find((s) => s.spanId === best)!.name };
    },
  },
  {
    name: 'spans',
    async solve(page) {
      const attrs = new Map((await lines(page)).map((l) => l.split(' = ') as [string, string]));
      const path = attrs.get('url.path')!;
      const key = [...attrs].find(([, v]) => v.includes('{') && new RegExp(`^${v.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path))![0];
      return { right: key, wrong: 'url.path', secret: key };
    },
  },
  {
    name: 'workshop',
    async solve(page) {
      const shown = await lines(page);
      const header = /traceparent: (00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2})/.exec(shown.at(-1)!)![1]!;
      const parent = header.split('-')[2]!;
      const webServer = /span id ([0-9a-f]{16})/.exec(shown.find((l) => l.includes('(SERVER)'))!)![1]!;
      return { right: parent, wrong: webServer, secret: parent };
    },
  },
  {
    name: 'otel',
    async solve(page) {
      const header = /traceparent: (\S+)/.exec((await lines(page))[0]!)![1]!;
      const parent = header.split('-')[2]!;
      const right = await indexOf(page, parent);
      return { right, wrong: await otherThan(page, right), secret: `is ${(await options(page))[right]!.label.split(' (')[0]}` };
    },
  },
  {
    name: 'bootcamp',
    async solve(page) {
      const spanId = /span_id ([0-9a-f]{16})/.exec(await focusText(page))![1]!;
      const line = (await lines(page)).findIndex((l) => l.includes(`span_id=${spanId}`));
      expect(line).toBeGreaterThanOrEqual(0);
      return { right: line + 1, wrong: await otherThan(page, line + 1), secret: `Line ${line + 1}` };
    },
  },
  {
    name: 'many-requests',
    async solve(page) {
      const spans = await spansOnPage(page);
      const graph = new ServiceGraph();
      for (const s of [...spans].sort((a, b) => a.endMs - b.endMs)) graph.fold(s, s.endMs);
      graph.expire(Math.max(...spans.map((s) => s.endMs)) + graph.ttlMs + 1);
      const edges = [...graph.snapshot().edges].sort((a, b) => b.responses.fault - a.responses.fault);
      expect(edges[0]!.responses.fault).toBeGreaterThan(edges[1]?.responses.fault ?? 0);
      const right = await indexOf(page, edges[0]!.id);
      return { right, wrong: await indexOf(page, edges.at(-1)!.id), secret: edges[0]!.id };
    },
  },
  {
    name: 'critical-path',
    async solve(page) {
      const spans = await spansOnPage(page);
      const path = criticalPath(spans);
      const ms = criticalPathMsBySpan(path);
      for (const root of path.rootSpanIds) ms.delete(root);
      const best = argmax(ms);
      const right = await indexOf(page, best);
      const off = spans.find((s) => !ms.has(s.spanId) && !path.rootSpanIds.includes(s.spanId));
      return { right, wrong: off ? await indexOf(page, off.spanId) : await otherThan(page, right), secret: best };
    },
  },
  {
    name: 'traces-as-data',
    async solve(page) {
      const rows = await lines(page);
      const traces = new Set(rows.filter((r) => / ERROR /.test(r)).map((r) => r.split('…')[0]));
      const errorRows = rows.filter((r) => / ERROR /.test(r)).length;
      expect(traces.size).toBeGreaterThan(0);
      return { right: String(traces.size), wrong: String(errorRows > traces.size ? errorRows : traces.size + 1), secret: ` ${traces.size} ` };
    },
  },
  {
    name: 'sampling',
    predictFirst: true,
    async solve(page) {
      const kept = (await lines(page)).length;
      expect(kept).toBeGreaterThan(0);
      expect(kept).toBeLessThan(100);
      return { right: String(kept), wrong: '60', secret: `kept ${kept}` };
    },
  },
  {
    name: 'causality',
    async solve(page) {
      const id = /([0-9a-f]{32})/.exec(await focusText(page))![1]!;
      const line = (await lines(page)).findIndex((l) => l.endsWith(id));
      expect(line).toBeGreaterThanOrEqual(0);
      return { right: line + 1, wrong: await otherThan(page, line + 1), secret: id };
    },
  },
];

async function answer(page: Page, value: string | number): Promise<{ right: string | undefined; text: string }> {
  if (typeof value === 'number') await page.selectOption(`${SLIDE} .exercise-choice`, { index: value });
  else await page.fill(`${SLIDE} .exercise-input`, value);
  await page.click(`${SLIDE} .exercise-check`);
  return page.$eval(`${SLIDE} .exercise-verdict`, (v) => ({ right: (v as HTMLElement).dataset['right'], text: v.textContent ?? '' }));
}

describe('one checked exercise per chapter', () => {
  it('checks a wrong and a right answer against each exercise’s own trace, and counts them on the title slide', async () => {
    const { page, problems } = await openDeck(browser, '#/title');
    expect(await page.textContent('[data-exercise-progress]')).toMatch(`0 of ${EXERCISES.length} exercises done`);

    for (const exercise of EXERCISES) {
      await goTo(page, `${exercise.name}-exercise`);
      // Before a run there is nothing to check against.
      if (!exercise.predictFirst) {
        const early = await page.$(`${SLIDE} .exercise-input`);
        if (early) await early.fill('x');
        await page.click(`${SLIDE} .exercise-check`);
        expect(await page.textContent(`${SLIDE} .exercise-verdict`)).toMatch(/first: the answer comes from what it produces/);
      }
      await page.click(`${SLIDE} .exercise-run`);
      await page.waitForSelector(`${SLIDE} [data-demo][data-demo-ran]`, { timeout: 90_000 });
      const { wrong, right, secret } = await exercise.solve(page);

      const miss = await answer(page, wrong);
      expect(miss.right, `${exercise.name}: ${miss.text}`).toBe('false');
      expect(miss.text.length).toBeGreaterThan(10);
      expect(miss.text, exercise.name).not.toContain(secret);

      const hit = await answer(page, right);
      expect(hit.right, `${exercise.name}: ${hit.text}`).toBe('true');
      expect(hit.text).toMatch(/^Correct: /);
      // With its evidence drawn and a verdict shown (the deck-wide walk sees each exercise before its run).
      expect(describeViolations(await seriousViolations(page)), exercise.name).toEqual([]);
    }

    await goTo(page, 'title');
    expect(await page.textContent('[data-exercise-progress]')).toContain(`${EXERCISES.length} of ${EXERCISES.length} exercises done`);
    // Kept in this browser only, under the deck's key: a reload still knows.
    await page.reload();
    await page.waitForFunction(() => document.querySelector('.reveal.ready') !== null);
    await expect.poll(() => page.textContent('[data-exercise-progress]')).toContain(`${EXERCISES.length} of ${EXERCISES.length} exercises done`);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['tracing-deck:exercises:v1']);
    await page.getByRole('button', { name: 'Reset progress' }).click();
    expect(await page.textContent('[data-exercise-progress]')).toContain(`0 of ${EXERCISES.length} exercises done`);
    expect(problems).toEqual([]);
    await page.close();
  }, 600_000);

  it('shows no progress line where the track has no exercises, and survives a corrupt stored value', async () => {
    const { page, problems } = await openDeck(browser, '?track=talk#/title');
    // The talk has no exercises, so its title says nothing of them.
    expect(await page.$eval('[data-exercise-progress]', (p) => (p as HTMLElement).hidden)).toBe(true);
    await page.close();
    const deck = await openDeck(browser, '?track=onboarding#/title');
    await deck.page.evaluate(() => localStorage.setItem('tracing-deck:exercises:v1', '{not json'));
    await deck.page.reload();
    await deck.page.waitForFunction(() => document.querySelector('.reveal.ready') !== null);
    expect(await deck.page.textContent('[data-exercise-progress]')).toContain(`0 of ${EXERCISES.length} exercises done`);
    expect([...problems, ...deck.problems]).toEqual([]);
    await deck.page.close();
  }, 60_000);
});
