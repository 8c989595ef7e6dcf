#!/usr/bin/env node
/**
 * A room under load, on loopback (not part of `npm test`): `npm run audience`'s server, the presenter's deck on
 * #/audience in the system's Chromium, and PHONES simulated phones (default 200) for DURATION seconds (default 60),
 * each a socket.io client as the phone's page is. Phones send requests every few seconds and say they are done when
 * answered; some drop and reconnect; a few send junk (bad shapes, oversized, unknown events) and a few flood.
 *
 * It prints the presenter's frame times (p50, p95, longest: what the audience sees on the big screen), the answers'
 * latency and outcomes, the relay's counts as the slide shows them, and the relay's memory (its process's resident
 * set, sampled every second), and writes them to tests/artifacts/audience-load.json.
 *
 *   npx vite build && node bench/audience-load.mjs            PHONES=50 DURATION=20 node bench/audience-load.mjs
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { io } from 'socket.io-client';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PHONES = Number(process.env.PHONES ?? 200);
const DURATION_S = Number(process.env.DURATION ?? 60);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Shares of the phones that misbehave: junk senders, flooders, and those that drop and come back. */
const JUNK_SHARE = 0.05;
const FLOOD_SHARE = 0.02;
const RECONNECT_SHARE = 0.2;

const hex = (bytes) => randomBytes(bytes).toString('hex');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const quantile = (sorted, q) => (sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]);
const round = (n, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function startServer() {
  const child = spawn(process.execPath, [join(ROOT, 'server/audience.mjs')], { cwd: ROOT, env: { ...process.env, PORT: '0', HOST: '127.0.0.1' } });
  let out = '';
  return new Promise((done, failed) => {
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const presenter = /Presenter: open (\S+)/.exec(out)?.[1];
      const joinUrl = /Join at (\S+)/.exec(out)?.[1];
      if (presenter && joinUrl) done({ child, presenter, origin: new URL(joinUrl).origin });
    });
    child.stderr.on('data', (chunk) => {
      out += chunk;
    });
    child.once('exit', (code) => failed(new Error(`the server exited with ${code}:\n${out}`)));
  });
}

/** Resident memory of a process, MB (Linux's /proc). */
function rssMb(pid) {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Number(kb) / 1024 : Number.NaN;
}

const JUNK = [
  ['request', { id: 'x', kind: 'drop-tables', traceparent: 'nope' }],
  ['request', { id: 'x', kind: 'pair', traceparent: `00-${hex(16)}-${hex(8)}-01`, pad: 'x'.repeat(4000) }],
  ['request', '<img src=x onerror=alert(1)>'],
  ['answer', { to: '0123456789abcdef', id: 'r1', status: 200 }],
  ['shout', { text: 'hello' }],
  ['done', { id: 'r1', durationMs: -5 }],
];

/** One simulated phone: a socket like the page's, a request every 2-6 s, and whatever its role adds. */
function phone(origin, role, stats, stopAt) {
  const key = hex(8);
  let socket;
  let n = 0;
  const pending = new Map();
  const connect = () => {
    socket = io(origin, { auth: { role: 'phone', key }, transports: ['websocket'], reconnection: true });
    socket.on('answer', (a) => {
      const sent = pending.get(a?.id);
      if (!sent) return;
      pending.delete(a.id);
      const ms = performance.now() - sent;
      if (a.error) stats.refused[a.error] = (stats.refused[a.error] ?? 0) + 1;
      else {
        stats.answered += 1;
        stats.latencyMs.push(ms);
        socket.emit('done', { id: a.id, durationMs: round(ms) });
      }
    });
  };
  connect();
  const send = () => {
    const id = `r${++n}`;
    pending.set(id, performance.now());
    stats.sent += 1;
    socket.emit('request', { id, kind: ['pair', 'beers', 'donut', 'missing'][n % 4], traceparent: `00-${hex(16)}-${hex(8)}-01` });
  };
  return (async () => {
    await sleep(Math.random() * 3000);
    while (performance.now() < stopAt) {
      if (role === 'flood') {
        for (let i = 0; i < 10; i++) send();
        await sleep(1000);
        continue;
      }
      send();
      if (role === 'junk') {
        const [event, payload] = JUNK[Math.floor(Math.random() * JUNK.length)];
        socket.emit(event, payload);
        stats.junk += 1;
      }
      if (role === 'reconnect' && Math.random() < 0.25) {
        socket.disconnect();
        stats.reconnects += 1;
        await sleep(500 + Math.random() * 1500);
        socket.connect();
      }
      await sleep(2000 + Math.random() * 4000);
    }
    socket.disconnect();
  })();
}

async function main() {
  const { child, presenter: presenterUrl, origin } = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(presenterUrl);
    await page.waitForFunction(() => /^Relay connected/.test(document.querySelector('#audience .au-relay')?.textContent ?? ''), undefined, { timeout: 30_000 });
    const rssBefore = rssMb(child.pid);
    // Frame intervals on the presenter's page, from requestAnimationFrame: what the big screen shows.
    await page.evaluate(() => {
      const frames = [];
      let last = performance.now();
      const tick = (t) => {
        frames.push(t - last);
        last = t;
        if (!window.__stopFrames) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      window.__frames = frames;
    });

    const stats = { sent: 0, answered: 0, refused: {}, latencyMs: [], junk: 0, reconnects: 0 };
    const stopAt = performance.now() + DURATION_S * 1000;
    const roles = Array.from({ length: PHONES }, (_, i) => {
      const f = i / PHONES;
      return f < JUNK_SHARE ? 'junk' : f < JUNK_SHARE + FLOOD_SHARE ? 'flood' : f < JUNK_SHARE + FLOOD_SHARE + RECONNECT_SHARE ? 'reconnect' : 'polite';
    });
    const rss = [];
    const sampler = setInterval(() => rss.push(rssMb(child.pid)), 1000);
    await Promise.all(roles.map((role) => phone(origin, role, stats, stopAt)));
    await sleep(2000); // the last answers
    clearInterval(sampler);

    const frames = await page.evaluate(() => {
      window.__stopFrames = true;
      return window.__frames;
    });
    const slide = await page.evaluate(() => ({
      count: document.querySelector('#audience .au-count')?.textContent ?? '',
      relay: document.querySelector('#audience .au-relay')?.textContent ?? '',
      traces: document.querySelectorAll('#audience button[data-trace-id]').length,
    }));
    const sortedFrames = frames.slice(5).sort((a, b) => a - b);
    const latency = stats.latencyMs.sort((a, b) => a - b);
    const result = {
      phones: PHONES,
      durationS: DURATION_S,
      roles: Object.fromEntries(['polite', 'reconnect', 'junk', 'flood'].map((r) => [r, roles.filter((x) => x === r).length])),
      presenterFrameMs: { p50: round(quantile(sortedFrames, 0.5)), p95: round(quantile(sortedFrames, 0.95)), max: round(sortedFrames.at(-1) ?? Number.NaN), frames: sortedFrames.length },
      requests: {
        sent: stats.sent,
        answered: stats.answered,
        refused: stats.refused,
        // Dropped by the relay without a word (past a phone's message bucket) or lost in a reconnect.
        unanswered: stats.sent - stats.answered - Object.values(stats.refused).reduce((a, b) => a + b, 0),
        junkSent: stats.junk,
        reconnects: stats.reconnects,
      },
      answerLatencyMs: { p50: round(quantile(latency, 0.5)), p95: round(quantile(latency, 0.95)) },
      relayRssMb: { before: round(rssBefore), peak: round(Math.max(...rss)), end: round(rss.at(-1) ?? Number.NaN) },
      slide,
    };
    console.log(JSON.stringify(result, null, 2));
    mkdirSync(join(ROOT, 'tests/artifacts'), { recursive: true });
    writeFileSync(join(ROOT, 'tests/artifacts/audience-load.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
