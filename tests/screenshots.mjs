// Screenshots of slides at 1280x720 from the built deck, for looking at what people see:
//   npm run build && node tests/screenshots.mjs [slide-hash ...]
// Writes tests/artifacts/<hash>.png (git-ignored). With "console", also sends a pairing request first; with
// "critical-path", waits for its pairing trace and steps twice along the path; workshop
// steps, the bootcamp demo and the span anatomy are driven as a presenter would first (for the anatomy,
// SPAN_ANATOMY=sql,fail,tags.error.stack picks the span, the failure and the field hovered).
import { mkdirSync } from 'node:fs';
import { preview } from 'vite';
import { chromium } from 'playwright-core';

const hashes = process.argv.slice(2).length ? process.argv.slice(2) : ['title', 'matchmaker', 'matchmaker-routes', 'console'];
mkdirSync('tests/artifacts', { recursive: true });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  for (const hash of hashes) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('console', (m) => m.type() === 'error' && console.log(`[${hash}] console error: ${m.text()}`));
    page.on('pageerror', (e) => console.log(`[${hash}] page error: ${e.message}`));
    await page.goto(`${base}#/${hash}`);
    await page.waitForSelector('.reveal.ready');
    await page.waitForTimeout(800);
    if (hash === 'critical-path') {
      // The critical path: wait for the pairing's trace, then step twice from the root row (the path is on).
      const scope = '.present [data-demo="critical-path"] .cp-pane:first-child';
      await page.waitForFunction((s) => /→ \d{3}/.test(document.querySelector(`${s} .cp-status`)?.textContent ?? ''), scope, { timeout: 20000 });
      await page.waitForTimeout(300);
      await page.locator(`${scope} [role="treeitem"]`).first().click();
      await page.keyboard.press(']');
      await page.keyboard.press(']');
      await page.waitForTimeout(300);
    }
    if (hash === 'console') {
      await page.getByLabel('Request', { exact: true }).fill('curl -XGET localhost:5000/pair/beer?name=ipa');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => /HTTP\/1\.1/.test(document.querySelector('.present .rc-status')?.textContent ?? ''), undefined, { timeout: 20000 });
      await page.waitForTimeout(500);
    }
    if (await page.$('.present [data-demo="workshop-step"]')) {
      // Drive a workshop step as a presenter would: the telling switch on, then the telling request.
      for (const box of await page.$$('.present .ws-switch')) {
        if (!(await box.isChecked())) await box.check();
      }
      const two = page.locator('.present .ws-button', { hasText: 'Two pairings' });
      await ((await two.count()) ? two : page.locator('.present .ws-button').first()).click();
      await page.waitForFunction(() => !/Waiting|Send a request/.test(document.querySelector('.present .ws-status')?.textContent ?? ''), undefined, { timeout: 20000 });
      await page.waitForTimeout(1800);
    }
    if (await page.$('.present [data-demo="home-activities"]')) {
      // The bootcamp demo: load the feed three times (so the query has rows), then open a log line's span.
      const load = page.locator('.present [data-demo="home-activities"] button', { hasText: 'Load the home feed' });
      for (let i = 0; i < 3; i++) {
        await load.click();
        await page.waitForFunction(() => !document.querySelector('.present [data-demo="home-activities"] .fb-primary')?.hasAttribute('disabled'), undefined, { timeout: 20000 });
      }
      const line = page.locator('.present .ha-log-line').first();
      if (await line.count()) await line.click();
      await page.waitForTimeout(1800);
    }
    if (await page.$('.present [data-demo="span-anatomy"]')) {
      // Drive the anatomy as a presenter would: SPAN_ANATOMY=<choice>,<fail|ok>,<debug field to hover>.
      const [choice = 'web', fail = 'ok', hover = 'resource'] = (process.env.SPAN_ANATOMY ?? '').split(',').filter(Boolean);
      await page.selectOption('.present .sa-select', choice);
      if (fail === 'fail') await page.check('.present .sa-switch');
      await page.click('.present .sa-send');
      await page.waitForFunction(() => /→ \d{3}/.test(document.querySelector('.present .sa-status')?.textContent ?? ''), undefined, { timeout: 20000 });
      await page.hover(`.present .sa-debug-line[data-field="${hover}"]`);
      await page.waitForTimeout(300);
    }
    await page.screenshot({ path: `tests/artifacts/${hash}.png` });
    console.log(`tests/artifacts/${hash}.png`);
    if (hash === 'console') {
      await page.locator('.present [role="treeitem"]', { hasText: 'taster' }).first().click();
      await page.waitForTimeout(300);
      await page.screenshot({ path: 'tests/artifacts/console-details.png' });
      console.log('tests/artifacts/console-details.png');
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
