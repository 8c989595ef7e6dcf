/**
 * Serves the built deck from `dist/`, as `vite preview` would, with the deck's Content Security Policy sent as a
 * header too (the build writes it as a meta tag: the header also covers the JSON and the join page, and a header
 * cannot be removed by the page). `/join` is the phone's page; `/audience.json` says the relay is here and where
 * phones join (the static build ships a file of that name saying there is no relay, so the deck never asks for a
 * page that is not there).
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
};

/** The policy the build wrote into index.html's meta tag. */
function readPolicy(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  if (!policy) throw new Error(`${distDir}/index.html has no Content-Security-Policy meta tag: rebuild with \`npm run build\``);
  return policy;
}

/**
 * A request handler for `dist/`.
 * @param {string} distDir
 * @param {() => object} info what `/audience.json` answers
 */
export function createStaticHandler(distDir, info) {
  const policy = readPolicy(distDir);
  const root = normalize(distDir + sep);
  return (req, res) => {
    const headers = { 'Content-Security-Policy': policy, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400, headers).end('Bad request');
      return;
    }
    if (path === '/audience.json') {
      res.writeHead(200, { ...headers, 'Content-Type': TYPES['.json'], 'Cache-Control': 'no-store' }).end(JSON.stringify(info()));
      return;
    }
    if (path === '/' ) path = '/index.html';
    else if (path === '/join' || path === '/join/') path = '/join.html';
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(404, headers).end('Not found');
      return;
    }
    let size;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    // Hashed assets may be cached; the pages must not be, so a rebuilt deck is what the next load gets.
    const cache = path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
    res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': size, 'Cache-Control': cache });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  };
}
