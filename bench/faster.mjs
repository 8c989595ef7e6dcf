/**
 * `node bench/faster.mjs [burst] [rate]`: the pairing route's p50/p95 before and after each fix of the "Make it
 * faster" chapter, from the deck's seeded traffic (400 requests at 8 per simulated second by default). Runs in Node
 * through Vite's SSR loader (no browser, no build); the figures are virtual time, the same on every machine.
 */
import { createServer } from 'vite';

const [burst = 400, rate = 8] = process.argv.slice(2).map(Number);
const server = await createServer({ server: { middlewareMode: true, hmr: false }, appType: 'custom', logLevel: 'error' });
try {
  const { fasterFigure } = await server.ssrLoadModule('/bench/faster.ts');
  const rows = await fasterFigure('42', burst, rate);
  const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : '–');
  console.log(`faster: /pair/beer over ${burst} requests of the matchmaker's mix at ${rate}/s, seed 42 (virtual time)`);
  console.log(['fix', 'pairings', 'p50 before', 'p50 after', 'p95 before', 'p95 after', 'first byte p95 before', 'after'].join(' | '));
  for (const r of rows) {
    console.log([r.fix, r.requests, ms(r.beforeP50Ms), ms(r.afterP50Ms), ms(r.beforeP95Ms), ms(r.afterP95Ms), ms(r.beforeFirstByteP95Ms), ms(r.afterFirstByteP95Ms)].join(' | '));
  }
} finally {
  await server.close();
}
