/**
 * Load of the built deck on localhost: each run opens the deck in a fresh browser context (empty cache) and reads
 * first-contentful-paint, the moment the first slide is shown (reveal adds `ready` to `.reveal`), and time to
 * interactive: the end of the last long task before a 500 ms window with none, once the slide is shown. It also
 * lists the scripts fetched before the first slide showed, to check that nothing lazy (mermaid) is among them.
 *
 * One Lighthouse run (desktop preset, its simulated throttling) adds the scores for performance, accessibility and
 * best practices, from the system Chromium started by chrome-launcher.
 */
import { basename } from 'node:path';
import { CHROMIUM_PATH } from './serve.mjs';

const QUIET_MS = 500;

/** Runs in the page before any of its scripts (Playwright init script; not subject to the page's CSP). */
function recordLoad() {
  const state = { readyMs: null, longTasks: [] };
  Object.defineProperty(window, '__benchLoad', { value: state });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) state.longTasks.push([e.startTime, e.startTime + e.duration]);
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    if (state.readyMs === null && document.querySelector('.reveal.ready')) {
      state.readyMs = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
}

export async function measureLoad(browser, url, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(recordLoad);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => window.__benchLoad.readyMs !== null, null, { timeout: 30_000 });
    await page.waitForFunction(
      (quietMs) => {
        const { readyMs, longTasks } = window.__benchLoad;
        const lastEnd = Math.max(readyMs, ...longTasks.map(([, end]) => end));
        return performance.now() - lastEnd >= quietMs;
      },
      QUIET_MS,
      { timeout: 30_000, polling: 50 },
    );
    const sample = await page.evaluate(() => {
      const { readyMs, longTasks } = window.__benchLoad;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
      const nav = performance.getEntriesByType('navigation')[0];
      const scripts = performance
        .getEntriesByType('resource')
        .filter((r) => r.name.endsWith('.js') && r.startTime < readyMs)
        .map((r) => ({ name: r.name, startMs: r.startTime, endMs: r.responseEnd }));
      return {
        fcpMs: fcp,
        readyMs,
        ttiMs: Math.max(readyMs, ...longTasks.map(([, end]) => end)),
        longTasks: longTasks.length,
        domContentLoadedMs: nav?.domContentLoadedEventEnd ?? NaN,
        loadMs: nav?.loadEventEnd ?? NaN,
        scriptsBeforeReady: scripts,
      };
    });
    sample.scriptsBeforeReady = sample.scriptsBeforeReady.map((s) => ({ ...s, name: basename(new URL(s.name).pathname) }));
    samples.push(sample);
    await context.close();
  }
  return samples;
}

export async function runLighthouse(url) {
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');
  const chromePath = process.env.CHROME_PATH ?? CHROMIUM_PATH;
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const result = await lighthouse(
      url,
      { port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: ['performance', 'accessibility', 'best-practices'] },
      desktopConfig,
    );
    const { lhr } = result;
    const score = (id) => Math.round((lhr.categories[id]?.score ?? NaN) * 100);
    const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
    return {
      version: lhr.lighthouseVersion,
      preset: 'desktop',
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      fcpMs: audit('first-contentful-paint'),
      lcpMs: audit('largest-contentful-paint'),
      ttiMs: audit('interactive'),
      tbtMs: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      runtimeError: lhr.runtimeError?.message,
      failedAudits: Object.values(lhr.audits)
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id),
    };
  } finally {
    await chrome.kill();
  }
}
