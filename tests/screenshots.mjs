// Screenshots of slides at 1280x720 from the built deck, for looking at what people see:
//   npm run build && node tests/screenshots.mjs [slide-hash ...]
// Writes tests/artifacts/<hash>.png (git-ignored). With "console", also sends a pairing request first; with
// "critical-path", waits for its pairing trace and steps twice along the path; workshop
// steps, the bootcamp demo and the span anatomy are driven as a presenter would first (for the anatomy,
// SPAN_ANATOMY=sql,fail,tags.error.stack picks the span, the failure and the field hovered). The service map runs
// traffic for a few seconds, then also shoots service-map-fault.png (taster down) and service-map-trace.png (an
// exemplar of the red edge opened in the waterfall). The Gantt chart runs traffic for a few seconds (GANTT_SHOT=pinned
// then pins the slowest trace with its critical path on). A SQL console slide waits for its data, then also shoots
// <hash>-chart.png (an example that draws a bar chart) and, where it has one, <hash>-trace.png (a slow trace opened).
// An exercise slide runs its scenario and checks a first answer. The mesh view sends a pairing, then also shoots
// mesh-view-split.png (headers not forwarded, the second trace picked).
// SHOT_SIZE=1024x768 shoots at another viewport size; the files then end in -1024x768.png. Below 435 px wide
// (SHOT_SIZE=390x844) it shoots as a touch phone, in reveal's scroll view, with the linked slide scrolled to, and
// shoots that slide screen by screen (<hash>-390x844.png, then <hash>-2-390x844.png...: a slide's page there is as
// tall as its content, often taller than the screen).
import { mkdirSync } from 'node:fs';
import { preview } from 'vite';
import { chromium } from 'playwright-core';

const hashes = process.argv.slice(2).length ? process.argv.slice(2) : ['title', 'matchmaker', 'matchmaker-routes', 'console'];
const [shotW, shotH] = (process.env.SHOT_SIZE ?? '1280x720').split('x').map(Number);
const suffix = process.env.SHOT_SIZE ? `-${shotW}x${shotH}` : '';
const shot = (name) => `tests/artifacts/${name}${suffix}.png`;
mkdirSync('tests/artifacts', { recursive: true });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
const base = server.resolvedUrls.local[0];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
try {
  for (const hash of hashes) {
    // Below reveal's scroll-view width (435 px) it is a phone: touch, mobile viewport, and the slide scrolled to.
    const phone = shotW < 435;
    const page = await browser.newPage({ viewport: { width: shotW, height: shotH }, isMobile: phone, hasTouch: phone });
    page.on('console', (m) => m.type() === 'error' && console.log(`[${hash}] console error: ${m.text()}`));
    page.on('pageerror', (e) => console.log(`[${hash}] page error: ${e.message}`));
    // On a phone a slide's page can be taller than the screen: shoot it screen by screen from its top (name.png,
    // name-2.png, ...; at most 6), as a thumb scrolling down it sees it, then scroll back where it was.
    const snap = async (name) => {
      if (!phone) {
        await page.screenshot({ path: shot(name) });
        console.log(shot(name));
        return;
      }
      const { top, height, was } = await page.evaluate((id) => {
        const viewport = document.querySelector('.reveal-viewport');
        const p = document.getElementById(id).closest('.scroll-page');
        const t = p.getBoundingClientRect().top - viewport.getBoundingClientRect().top + viewport.scrollTop;
        return { top: t, height: p.getBoundingClientRect().height, was: viewport.scrollTop };
      }, hash);
      const frames = Math.min(6, Math.max(1, Math.ceil((height - 8) / shotH)));
      for (let k = 0; k < frames; k++) {
        const y = Math.min(top + k * shotH, top + height - shotH);
        await page.evaluate((to) => { document.querySelector('.reveal-viewport').scrollTop = to; }, Math.max(top, y));
        await page.waitForTimeout(250);
        const file = k === 0 ? shot(name) : shot(`${name}-${k + 1}`);
        await page.screenshot({ path: file });
        console.log(file);
      }
      await page.evaluate((to) => { document.querySelector('.reveal-viewport').scrollTop = to; }, was);
    };
    await page.goto(`${base}#/${hash}`);
    await page.waitForSelector('.reveal.ready');
    await page.waitForTimeout(800);
    if (phone) {
      await page.waitForFunction((h) => document.querySelector('.reveal .slides section.present')?.id === h, hash, { timeout: 10000 });
    }
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
    if (await page.$('.present [data-demo="exercise"]')) {
      // An exercise: run its scenario, then check a first answer (the first choice, or "1"), to show a verdict.
      await page.click('.present .exercise-run');
      await page.waitForSelector('.present [data-demo][data-demo-ran]', { timeout: 90000 });
      if (await page.$('.present .exercise-choice')) await page.selectOption('.present .exercise-choice', { index: 1 });
      else await page.fill('.present .exercise-input', '1');
      await page.click('.present .exercise-check');
      await page.waitForTimeout(500);
    }
    const meshDemo = await page.$('.present [data-demo="mesh-view"]');
    if (meshDemo) {
      // The mesh view: one pairing, both waterfalls drawn (then, below, mesh-view-split.png without forwarding).
      await page.click('.present .mesh-send');
      await page.waitForFunction(() => /→ \d{3}/.test(document.querySelector('.present .mesh-status')?.textContent ?? ''), undefined, { timeout: 20000 });
      await page.waitForTimeout(300);
    }
    if (await page.$('.present [data-demo="request-id"]')) {
      // The request id: four requests at once, then the search for the last id (both logs filtered).
      await page.click('.present .rid-many');
      await page.waitForTimeout(2500);
      await page.click('.present .rid-use-last');
      await page.waitForTimeout(300);
    }
    if (await page.$('.present [data-demo="blackbox"]')) {
      // Blackbox inference: 20 requests one at a time, then 20 with 8 at once.
      const done = () => page.waitForFunction(() => !/running/.test(document.querySelector('.present .bb-scores tbody')?.textContent ?? 'running'), undefined, { timeout: 60000 });
      await page.click('.present .bb-send');
      await page.waitForTimeout(500);
      await done();
      await page.selectOption('.present .bb-concurrency', '8');
      await page.click('.present .bb-send');
      await page.waitForTimeout(500);
      await done();
      await page.waitForTimeout(500);
    }
    if (await page.$('.present [data-demo="context-tree"]')) {
      // The context tree: traffic on for a few seconds, so several paths have rows and numbers. CCT_SHOT=list
      // lists the top row's traces, CCT_SHOT=trace opens the first of them, CCT_SHOT=critical switches the measure.
      await page.click('.present .cct-controls .cct-toggle');
      await page.waitForTimeout(4000);
      await page.click('.present .cct-controls .cct-toggle');
      if (process.env.CCT_SHOT === 'critical') await page.click('.present .cct-measure');
      if (process.env.CCT_SHOT === 'list' || process.env.CCT_SHOT === 'trace') await page.click('.present .cct-row .cct-traces');
      if (process.env.CCT_SHOT === 'trace') await page.click('.present .cct-ex-open');
      await page.waitForTimeout(800);
    }
    if (await page.$('.present [data-demo="workshop-step"]')) {
      // Drive a workshop step as a presenter would: the telling switch on, then the telling request.
      for (const box of await page.$$('.present .ws-switch')) {
        if (!(await box.isChecked())) await box.check();
      }
      const two = page.locator('.present .demo-button', { hasText: 'Two pairings' });
      await ((await two.count()) ? two : page.locator('.present .demo-button').first()).click();
      await page.waitForFunction(() => !/Waiting|Send a request/.test(document.querySelector('.present .ws-status')?.textContent ?? ''), undefined, { timeout: 20000 });
      await page.waitForTimeout(1800);
    }
    if (await page.$('.present [data-demo="home-activities"]')) {
      // The bootcamp demo: load the feed three times (so the query has rows), then open a log line's span.
      const load = page.locator('.present [data-demo="home-activities"] button', { hasText: 'Load the home feed' });
      for (let i = 0; i < 3; i++) {
        await load.click();
        await page.waitForFunction(() => !document.querySelector('.present [data-demo="home-activities"] .demo-primary')?.hasAttribute('disabled'), undefined, { timeout: 20000 });
      }
      const line = page.locator('.present .ha-log-line').first();
      if (await line.count()) await line.click();
      await page.waitForTimeout(1800);
    }
    if (await page.$('.present [data-demo="sampling-lab"] .sl-send')) {
      // The sampling lab: send its 1,000 requests and wait until the button is back.
      await page.click('.present .sl-send');
      await page.waitForTimeout(500);
      await page.waitForFunction(() => document.querySelector('.present .sl-send')?.getAttribute('aria-disabled') === 'false', undefined, { timeout: 170000 });
      await page.waitForTimeout(500);
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
    if (await page.$('.present [data-demo="gantt"]')) {
      // The Gantt chart: traffic for a few seconds, so the list fills and the chart follows; GANTT_SHOT=pinned then
      // pins the slowest trace and turns its critical path on.
      await page.click('.present .traffic-toggle');
      await page.waitForTimeout(4000);
      if (process.env.GANTT_SHOT === 'pinned') {
        await page.selectOption('.present .gc-order', 'slowest');
        await page.waitForFunction(() => /slowest first$/.test(document.querySelector('.present .gc-list-head')?.textContent ?? ''));
        await page.locator('.present .gc-trace').first().click();
        await page.locator('.present [data-demo="gantt"]').getByRole('button', { name: 'Critical path' }).click();
        await page.mouse.move(0, 0);
      }
      await page.waitForTimeout(800);
    }
    const sql = await page.$('.present [data-demo="sql-console"]');
    if (sql) {
      // The SQL console: wait for the seeded data and the first result (its table).
      await page.waitForFunction(() => /spans in the table/.test(document.querySelector('.present .sql-data')?.textContent ?? ''), null, { timeout: 60000 });
    }
    const map = await page.$('.present [data-demo="service-map"]');
    if (map) {
      // The service map: traffic for a few seconds, so nodes, edges, numbers and dots are all there.
      await page.click('.present .traffic-toggle');
      await page.waitForTimeout(5000);
    }
    await snap(hash);
    if (map) {
      await page.selectOption('.present .sm-fault', 'taster-down');
      await page.waitForTimeout(6000);
      await snap(`${hash}-fault`);
      await page.locator('.present .sm-hit-edge[data-id="web → taster (virtual)"]').click();
      await page.locator('.present .sm-trace-button').first().click();
      await page.waitForTimeout(500);
      await snap(`${hash}-trace`);
    }
    if (meshDemo) {
      await page.click('.present .mesh-forward');
      await page.selectOption('.present .mesh-pick', '1');
      await page.waitForTimeout(300);
      await snap(`${hash}-split`);
    }
    if (sql) {
      // Then an example whose result is one label and one number: its bar chart; then a trace opened from an id.
      const chartExample = await page.$('.present .sql-example:text("Error rate per service")');
      if (chartExample) {
        await chartExample.click();
        await page.waitForSelector('.present svg.sql-chart');
        await snap(`${hash}-chart`);
      }
      const slowest = await page.$('.present .sql-example:text("The slowest traces")');
      if (slowest) {
        await slowest.click();
        await page.waitForSelector('.present .sql-trace-link');
        await page.locator('.present .sql-trace-link').first().click();
        await page.waitForTimeout(500);
        await snap(`${hash}-trace`);
      }
    }
    if (hash === 'console') {
      await page.locator('.present [role="treeitem"]', { hasText: 'taster' }).first().click();
      await page.waitForTimeout(300);
      await snap('console-details');
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
