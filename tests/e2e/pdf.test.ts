/**
 * `npm run pdf` against the built deck: the script (src/build/pdf.mjs) writes a PDF with one page per slide, and
 * every demo's page holds the text of the trace (or the log, or the header) its print view draws. The text is read
 * with pdftotext (poppler-utils); the expectations come from the print view itself, opened here: span names and
 * log lines are the same under the same seed (trace ids are not, so they are left out).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openDeck } from './browser';

const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
let browser: Browser;
let dir: string;
beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(join(tmpdir(), 'deck-pdf-'));
});
afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

interface DemoPage {
  readonly id: string;
  readonly page: number;
  readonly expect: string[];
}

describe('npm run pdf', () => {
  it('writes one page per slide, and every demo page holds its trace', { timeout: 660_000 }, async () => {
    const out = join(dir, 'deck.pdf');
    const { stdout } = await run('node', ['src/build/pdf.mjs', '--no-build', '--out', out], { cwd: ROOT, timeout: 360_000 });
    expect(stdout).toMatch(/Wrote .*deck\.pdf: \d+ pages\./);
    const info = await run('pdfinfo', [out]);
    const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);

    // What each demo draws in print view, read from the same build.
    const deck = await openDeck(browser, '?print-pdf');
    const { page } = deck;
    // As long as the script waits (src/build/pdf.mjs, PRINT_WAIT_MS): every demo prints at once in this view too.
    await page.waitForFunction(() => [...document.querySelectorAll('[data-demo]')].every((d) => d.getAttribute('data-demo-state') === 'printed'), null, { timeout: 240_000 });
    const slides = await page.$$eval('.reveal .slides section', (s) => s.filter((x) => !x.classList.contains('stack')).length);
    expect(pages).toBe(slides);
    const demos: DemoPage[] = await page.$$eval('.reveal .slides section', (sections) =>
      sections.flatMap((s, i) => {
        const demo = s.querySelector('[data-demo]');
        if (!demo) return [];
        const found: string[] = [];
        const row = demo.querySelector('[role="treeitem"] .wf-name, [role="treeitem"]');
        const label = demo.querySelector('[role="treeitem"]')?.getAttribute('aria-label');
        if (label) {
          // "web GET /pair/beer, 545 ms": the service and the span's name.
          const [service, ...name] = (label.split(',')[0] ?? '').split(' ');
          found.push(service ?? '', name.join(' '));
        } else if (row) found.push(row.textContent ?? '');
        const path = demo.querySelector('[role="treegrid"] tbody [role="row"] .cct-name');
        if (!found.length && path?.textContent) found.push(path.textContent);
        const log = demo.querySelector('pre, .demo-terminal');
        if (!found.length && log?.textContent) found.push((log.textContent.split('\n').find((l) => l.trim()) ?? '').trim().slice(0, 40));
        const node = demo.querySelector('svg text');
        if (!found.length && node?.textContent) found.push(node.textContent);
        // The sampling labs: their readout, "kept N of M traces".
        const kept = [...demo.querySelectorAll('*')].find((e) => e.children.length === 0 && /kept [\d,]+ of [\d,]+/.test(e.textContent ?? ''));
        // Which traces a sampler keeps depends on their random ids, so only the total is the same on every print.
        if (!found.length && kept?.textContent) found.push(/of [\d,]+ traces/.exec(kept.textContent)?.[0] ?? '');
        // A status line may end on how long something took ("20 rows, in 5.30 ms."): that part differs per print.
        if (!found.length) found.push((demo.querySelector('[role="status"]')?.textContent ?? '').split(', in ')[0]!.trim().slice(0, 40));
        return [{ id: s.id, page: i + 1, expect: found.filter(Boolean) }];
      }),
    );
    expect(demos.length).toBeGreaterThanOrEqual(24);
    const missing: Record<string, string[]> = {};
    for (const d of demos) {
      expect(d.expect, `${d.id} draws nothing to look for in print view`).not.toEqual([]);
      const { stdout: text } = await run('pdftotext', ['-f', String(d.page), '-l', String(d.page), '-layout', out, '-']);
      const flat = squash(text);
      // The waterfall's name column cuts a long name with an ellipsis (src/viz/waterfall owns that): a cut name counts
      // if at least 12 of its characters are there before the "…".
      const onPage = (e: string): boolean => {
        const want = squash(e);
        if (flat.includes(want)) return true;
        for (let n = want.length - 1; n >= 12; n--) if (flat.includes(`${want.slice(0, n)}…`)) return true;
        return false;
      };
      const absent = d.expect.filter((e) => !onPage(e));
      if (absent.length) missing[d.id] = absent;
    }
    expect(missing).toEqual({});
    expect(deck.problems).toEqual([]);
    await page.close();
  });
});
