/**
 * axe-core in the built deck, shared by the browser tests that check accessibility: WCAG 2 A and AA rules on the
 * current slide and the deck's controls and progress bar, keeping the serious and critical violations.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Run axe on the current slide (the deck chrome included); returns its serious and critical violations. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern, so the deck's policy stays on.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // A plain function returning a promise: the tests' own async functions are lowered to generator helpers that do
  // not exist in the page.
  return page.evaluate(() => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    return axe
      .run(
        { include: [['.reveal .slides section.present'], ['.reveal .controls'], ['.reveal .progress']] },
        { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } },
      )
      .then((result) =>
        result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => String(n.target)) })),
      );
  });
}

/** One line per violation, for a readable failure: "color-contrast: .a | .b". */
export const describeViolations = (violations: readonly Violation[]): string[] => violations.map((v) => `${v.id}: ${v.nodes.join(' | ')}`);

/**
 * Walk a chapter's slides by id: go to each, wait for its diagrams, let `use` drive its demo (so its trace, lists
 * and details are checked too), let new-row highlights and the slide transition end, and collect the serious and
 * critical violations by slide id (empty when there are none).
 */
export async function chapterViolations(page: Page, ids: readonly string[], use: (page: Page) => Promise<void>): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const id of ids) {
    await page.evaluate((h) => {
      location.hash = `#/${h}`;
    }, id);
    await page.waitForFunction((h) => document.querySelector('.reveal .slides > section.present')?.id === h, id);
    await page.waitForFunction(() => document.querySelectorAll('.present pre.mermaid-src:not([data-rendered="done"])').length === 0);
    await use(page);
    await page.waitForTimeout(1_800);
    const violations = await seriousViolations(page);
    if (violations.length) found[id] = describeViolations(violations);
  }
  return found;
}
