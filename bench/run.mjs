/**
 * `npm run bench`: builds the benchmark page, serves it and the built deck on localhost, drives the system Chromium
 * through each benchmark, prints a table and writes bench/results.json. See "Benchmark" in README.md.
 *
 *   node bench/run.mjs                    everything (the deck must be built: `npm run bench` does that first)
 *   node bench/run.mjs span scale         only some: span, scale, stream, memory, size, load, analysis, sampling, sql, files
 *   node bench/run.mjs --quick            fewer and shorter runs, to try the harness (figures not comparable)
 *
 * Every figure is a median over repeated runs; nothing here fails on a timing (CI machines are noisy).
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildFigures, formatTable } from './node/report.mjs';
import { measureLoad, runLighthouse } from './node/load.mjs';
import { measureSize } from './node/size.mjs';
import { measureSqlFetch } from './node/sql-slides.mjs';
import { BENCH_DIR, buildBenchPage, launch, openBenchPage, ROOT, serveBenchPage, serveDeck } from './node/serve.mjs';

const ALL = ['span', 'scale', 'stream', 'memory', 'size', 'load', 'analysis', 'sampling', 'sql', 'files'];
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const picked = args.filter((a) => !a.startsWith('--'));
const unknown = picked.filter((a) => !ALL.includes(a));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${ALL.join(', ')}`);
  process.exit(2);
}
const want = new Set(picked.length > 0 ? picked : ALL);
const RUNS = {
  spanRounds: quick ? 6 : 24,
  scale: quick ? 2 : 5,
  stream: quick ? 1 : 3,
  streamSeconds: quick ? 5 : 30,
  probeSeconds: 5,
  memory: quick ? 1 : 3,
  memoryMinutes: quick ? 5 : 30,
  load: quick ? 2 : 5,
  analysis: quick ? 2 : 7,
  sampling: quick ? 2 : 9,
  tailSeconds: quick ? 5 : 20,
  sql: quick ? 2 : 5,
  files: quick ? 1 : 3,
};
const SIZES = [100, 1_000, 10_000, 50_000];

const started = Date.now();
const loadAtStart = os.loadavg();
const log = (msg) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${msg}`);
const results = {};
const problems = [];

async function inBenchPage(browser, url, fn) {
  const page = await openBenchPage(browser, url);
  if (!page.isolated) log('warning: the bench page is not cross-origin isolated (timer resolution 100 µs)');
  try {
    return await fn(page);
  } finally {
    problems.push(...page.problems);
    await page.close();
  }
}

/** JS heap in use after two full collections, read through the DevTools protocol. */
async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

async function main() {
  if (want.has('size')) {
    log('size of dist/');
    results.size = measureSize(resolve(ROOT, 'dist'));
  }
  const needsBenchPage = ['span', 'scale', 'stream', 'memory', 'analysis', 'sampling', 'sql', 'files'].some((b) => want.has(b));
  if (needsBenchPage) {
    log('building the bench page (bench/dist)');
    await buildBenchPage();
  }
  const bench = needsBenchPage ? await serveBenchPage() : undefined;
  const deck = want.has('load') || want.has('size') || want.has('sql') ? await serveDeck() : undefined;
  const browser = await launch();
  results.chromium = browser.version();
  try {
    if (want.has('span')) {
      log(`span cost: ${RUNS.spanRounds} rounds of A/B/B2/W/C batches`);
      results.spanCost = await inBenchPage(browser, bench.url, ({ page }) =>
        page.evaluate((rounds) => window.bench.spanCost({ rounds }), RUNS.spanRounds),
      );
    }
    if (want.has('scale')) {
      log(`waterfall scale: ${SIZES.join(', ')} spans, ${RUNS.scale} runs each`);
      results.waterfall = await inBenchPage(browser, bench.url, ({ page }) =>
        page.evaluate(([sizes, runs]) => window.bench.waterfallScale(sizes, runs), [SIZES, RUNS.scale]),
      );
    }
    if (want.has('stream')) {
      results.streaming = { runs: [] };
      log(`streaming: ${RUNS.probeSeconds} s probe of the driver on the browser's own timers`);
      results.streaming.browserTimers = await inBenchPage(browser, bench.url, ({ page }) =>
        page.evaluate((seconds) => window.bench.streaming({ seconds, browserTimers: true }), RUNS.probeSeconds),
      );
      for (let i = 0; i < RUNS.stream; i++) {
        log(`streaming: run ${i + 1}/${RUNS.stream}, ${RUNS.streamSeconds} s`);
        results.streaming.runs.push(
          await inBenchPage(browser, bench.url, ({ page }) =>
            page.evaluate((seconds) => window.bench.streaming({ seconds }), RUNS.streamSeconds),
          ),
        );
      }
      results.streaming.allViews = [];
      for (let i = 0; i < RUNS.stream; i++) {
        log(`streaming with the Gantt chart, map and tree live: run ${i + 1}/${RUNS.stream}, ${RUNS.streamSeconds} s`);
        results.streaming.allViews.push(
          await inBenchPage(browser, bench.url, ({ page }) =>
            page.evaluate((seconds) => window.bench.streaming({ seconds, views: 'all' }), RUNS.streamSeconds),
          ),
        );
      }
    }
    if (want.has('memory')) {
      const memoryRun = (opts) =>
        inBenchPage(browser, bench.url, async ({ page, context }) => {
          const cdp = await context.newCDPSession(page);
          const baseline = await heapAfterGc(cdp);
          await page.evaluate((o) => window.bench.memoryStart(o), opts);
          const step1 = await page.evaluate(() => window.bench.memoryAdvanceTo(1));
          const heap1 = await heapAfterGc(cdp);
          const step30 = await page.evaluate((m) => window.bench.memoryAdvanceTo(m), RUNS.memoryMinutes);
          const heap30 = await heapAfterGc(cdp);
          await page.evaluate(() => window.bench.memoryDispose());
          return { baseline, heap1, heap30, ratio: heap30 / heap1, step1, step30 };
        });
      results.memory = { runs: [], allViews: [] };
      for (let i = 0; i < RUNS.memory; i++) {
        log(`memory: run ${i + 1}/${RUNS.memory}, ${RUNS.memoryMinutes} simulated minutes`);
        results.memory.runs.push(await memoryRun({}));
      }
      // Chapter 7's views at the rate the issue names: 20 requests per simulated second.
      for (let i = 0; i < RUNS.memory; i++) {
        log(`memory with the Gantt chart, map and tree live, 20 requests/s: run ${i + 1}/${RUNS.memory}, ${RUNS.memoryMinutes} simulated minutes`);
        results.memory.allViews.push(await memoryRun({ views: 'all', intervalMs: 50 }));
      }
    }
    if (want.has('analysis')) {
      log(`analysis: service graph and calling context tree over 100,000 spans, critical paths; ${RUNS.analysis} runs`);
      results.analysis = await inBenchPage(browser, bench.url, ({ page }) =>
        page.evaluate((runs) => window.bench.analysis({ runs }), RUNS.analysis),
      );
    }
    if (want.has('sampling')) {
      log(`sampling: tail decisions over 8,334 traces, head-sampled-out spans against recorded ones; ${RUNS.sampling} runs`);
      results.sampling = await inBenchPage(browser, bench.url, ({ page }) =>
        page.evaluate((runs) => window.bench.sampling({ runs, spanRounds: runs * 2 + 6 }), RUNS.sampling),
      );
      log(`sampling: the tail sampler full (50,000 traces) under 1,000 spans/s, ${RUNS.tailSeconds} s of frames`);
      results.sampling.tailBuffer = await inBenchPage(browser, bench.url, ({ page }) =>
        page.evaluate((seconds) => window.bench.tailBuffer({ seconds }), RUNS.tailSeconds),
      );
    }
    if (want.has('files')) {
      log(`trace files: a 200,000-span OTLP/JSON file read and drawn, ${RUNS.files} runs; a 10,000-span export`);
      results.traceFiles = await inBenchPage(browser, bench.url, ({ page }) => page.evaluate((runs) => window.bench.traceFiles({ runs }), RUNS.files));
    }
    if (want.has('sql')) {
      log(`sql: 100,000 spans into SQLite and a GROUP BY over them, ${RUNS.sql} runs; then which slides fetch its wasm`);
      results.sql = await inBenchPage(browser, bench.url, ({ page }) => page.evaluate((runs) => window.bench.sql({ runs }), RUNS.sql));
      results.sql.slides = await measureSqlFetch(browser, deck.url);
    }
    if (want.has('load')) {
      log(`load: ${RUNS.load} cold loads of the built deck`);
      results.load = { url: deck.url, samples: await measureLoad(browser, deck.url, RUNS.load) };
      // Sizes of the scripts as the server sent them (dist/ may have been rebuilt since the size benchmark read it).
      for (const script of results.load.samples.flatMap((s) => s.scriptsBeforeReady)) {
        const body = Buffer.from(await (await fetch(new URL(`assets/${script.name}`, deck.url))).arrayBuffer());
        script.gzip = gzipSync(body).length;
      }
    }
  } finally {
    await browser.close();
  }
  if (want.has('load')) {
    log('Lighthouse (desktop preset)');
    try {
      results.lighthouse = await runLighthouse(deck.url);
    } catch (error) {
      results.lighthouse = { error: String(error?.message ?? error) };
    }
  }
  await bench?.close();
  await deck?.close();

  const figures = buildFigures(results);
  const table = formatTable(figures);
  const cpu = os.cpus();
  console.log(
    `${cpu[0]?.model ?? 'cpu'} × ${cpu.length}, Node ${process.version}, Chromium ${results.chromium}; ` +
      `load average ${loadAtStart.map((x) => x.toFixed(1)).join(' ')} at the start, ` +
      `${os.loadavg().map((x) => x.toFixed(1)).join(' ')} at the end\n`,
  );
  console.log(table);
  if (problems.length > 0) console.log(`\npage errors during the benchmark:\n  ${problems.join('\n  ')}`);
  const cpus = os.cpus();
  const out = {
    timestamp: new Date().toISOString(),
    machine: {
      cpu: cpus[0]?.model ?? 'unknown',
      cores: cpus.length,
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      loadAverageAtStart: loadAtStart,
      loadAverageAtEnd: os.loadavg(),
      platform: `${os.platform()} ${os.release()}`,
      node: process.version,
      chromium: results.chromium,
    },
    options: { quick, benchmarks: [...want], runs: RUNS },
    durationS: Math.round((Date.now() - started) / 1000),
    figures,
    results,
    pageErrors: problems,
  };
  writeFileSync(resolve(BENCH_DIR, 'results.json'), `${JSON.stringify(out, null, 2)}\n`);
  log(`wrote bench/results.json (${out.durationS} s in all)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
