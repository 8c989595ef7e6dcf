#!/usr/bin/env node
/**
 * `npm run audience`: one process for a room. It builds the deck if `dist/` has no build, serves it, runs the relay
 * (relay.mjs) on the same port, and prints where phones join. No account, no internet: phones and the laptop need
 * only the same network.
 *
 *   PORT  the port (default 8080; 0 picks a free one)
 *   HOST  the address to listen on (default: all interfaces, so phones on the network reach it)
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { networkInterfaces } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { attachRelay } from './relay.mjs';
import { createStaticHandler } from './static-files.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const PRIVATE = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./];

/** This machine's IPv4 addresses that others can reach, private ranges (a room's Wi-Fi) first. */
export function lanAddresses(interfaces = networkInterfaces()) {
  const found = Object.values(interfaces)
    .flat()
    .filter((a) => a && a.family === 'IPv4' && !a.internal && !a.address.startsWith('169.254.'))
    .map((a) => a.address);
  return [...found.filter((a) => PRIVATE.some((p) => p.test(a))), ...found.filter((a) => !PRIVATE.some((p) => p.test(a)))];
}

/** Every address of this machine, loopback included: a deck opened from any of them is the speaker's own. */
function ownAddresses() {
  const all = Object.values(networkInterfaces()).flat().filter(Boolean).map((a) => a.address);
  return new Set([...all, ...all.map((a) => `::ffff:${a}`)]);
}

function ensureBuilt(distDir, log) {
  if (existsSync(join(distDir, 'index.html')) && existsSync(join(distDir, 'join.html'))) return;
  log('No build in dist/: building the deck first (about a minute)…');
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('`vite build` failed: see its output above');
}

/**
 * Build if needed, then serve the deck and the relay.
 * @param {{ port?: number, host?: string, distDir?: string, log?: (line: string) => void }} [options]
 */
export async function startAudience(options = {}) {
  const log = options.log ?? ((line) => console.log(line));
  const distDir = options.distDir ?? join(ROOT, 'dist');
  const host = options.host || undefined;
  ensureBuilt(distDir, log);

  let joinUrl = '';
  const serve = createStaticHandler(distDir, () => ({ relay: true, joinUrl }));
  const server = createServer((req, res) => {
    // socket.io answers its own path; everything else is the deck.
    if (!req.url?.startsWith('/socket.io/')) serve(req, res);
  });
  const own = ownAddresses();
  const relay = attachRelay(server, { isOwnAddress: (a) => own.has(a) });
  await new Promise((done, failed) => {
    server.once('error', failed);
    server.listen(options.port ?? 8080, host, () => done(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 8080);
  const allInterfaces = host === undefined || host === '0.0.0.0' || host === '::';
  const lan = allInterfaces ? lanAddresses()[0] : host;
  const joinHost = lan ?? '127.0.0.1';
  joinUrl = `http://${joinHost.includes(':') ? `[${joinHost}]` : joinHost}:${port}/join`;
  const presenterUrl = `http://127.0.0.1:${port}/#/audience`;
  if (allInterfaces && !lan) log('No network address found: phones cannot reach this machine. Join the room’s Wi-Fi and restart.');
  log(`Presenter: open ${presenterUrl} on this machine`);
  log(`Join at ${joinUrl}`);
  return {
    port,
    joinUrl,
    presenterUrl,
    numbers: relay.numbers,
    close: () => relay.close(),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = process.env.PORT === undefined || process.env.PORT === '' ? 8080 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number (0-65535), not ${JSON.stringify(process.env.PORT)}`);
    process.exit(2);
  }
  startAudience({ port, host: process.env.HOST }).then(
    (room) => {
      const stop = () => void room.close().then(() => process.exit(0));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error) => {
      console.error(error.code === 'EADDRINUSE' ? `Port ${port} is taken: set PORT to another one.` : String(error.message ?? error));
      process.exit(1);
    },
  );
}
