/**
 * Where the span-cost benchmark's time goes: runs it once (8 rounds) in the bench page under the DevTools CPU
 * profiler and prints the 40 functions with the most self time. After `npm run bench` (or `node bench/run.mjs`,
 * which builds the bench page): `node bench/profile.mjs [B B2 W C]` (only those batches, and A; all by default). Function names are from the minified bench build.
 */
import { buildBenchPage, launch, openBenchPage, serveBenchPage } from './node/serve.mjs';

await buildBenchPage();
const bench = await serveBenchPage();
const browser = await launch();
const { page } = await openBenchPage(browser, bench.url);
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const only = process.argv.slice(2);
await page.evaluate((o) => window.bench.spanCost({ rounds: 8, ...(o.length > 0 ? { only: o } : {}) }), only);
const { profile } = await cdp.send('Profiler.stop');
// Self time per function, summed over the profile's nodes.
const dt = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
profile.samples.forEach((id, i) => { self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)); });
for (const [id, t] of self) {
  const n = byId.get(id); const cf = n.callFrame;
  const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`;
  dt.set(key, (dt.get(key) ?? 0) + t);
}
const total = [...dt.values()].reduce((a, b) => a + b, 0);
// Self time per source module too: the bench build is not minified and keeps Vite's `// src/...` module markers.
if (process.env.BY_MODULE) {
  const { readdirSync, readFileSync } = await import('node:fs');
  const dir = new URL('./dist/assets/', import.meta.url);
  const starts = [];
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
    readFileSync(new URL(f, dir), 'utf8').split('\n').forEach((line, i) => {
      const m = /^\/\/ ((?:src|bench|node_modules)\/\S+)/.exec(line);
      if (m) starts.push({ f, line: i, mod: m[1] });
    });
  }
  const byMod = new Map();
  for (const [id, t] of self) {
    const cf = byId.get(id).callFrame;
    const f = cf.url.split('/').pop();
    let mod = cf.url ? '(other)' : cf.functionName || '(native)';
    for (const s of starts) if (s.f === f && s.line <= cf.lineNumber) mod = s.mod;
    byMod.set(mod, (byMod.get(mod) ?? 0) + t);
  }
  for (const [k, t] of [...byMod].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((t / 1000).toFixed(1).padStart(8), 'ms', (100 * t / total).toFixed(1).padStart(5), '%', k);
  console.log('---');
}
for (const [k, t] of [...dt].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((t / 1000).toFixed(1).padStart(8), 'ms', (100 * t / total).toFixed(1).padStart(5), '%', k);
await browser.close();
await bench.close();
process.exit(0);
