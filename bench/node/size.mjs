/**
 * Size of the built deck, read from dist/: what the first slide needs (the scripts and stylesheets index.html names,
 * and every module they import statically), what loads later (dynamic imports: mermaid and its diagrams), and the
 * whole build. Sizes are gzip at zlib's default level, the way a static server would send them; source maps
 * (.map) are not part of the build a browser loads and are left out.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (buf) => gzipSync(buf).length;

/** Static imports and re-exports of an ES module (Rolldown's output: `import{a as b}from"./x.js";`). */
function staticImports(code) {
  const out = [];
  const re = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["'](\.{1,2}\/[^"']+\.js)["']/g;
  for (const m of code.matchAll(re)) out.push(m[1]);
  return out;
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** The set of files reached from `entries` through static imports. */
function closure(entries) {
  const seen = new Set();
  const stack = [...entries];
  while (stack.length > 0) {
    const file = stack.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) {
      for (const spec of staticImports(readFileSync(file, 'utf8'))) stack.push(resolve(dirname(file), spec));
    }
  }
  return seen;
}

export function measureSize(distDir) {
  const htmlPath = join(distDir, 'index.html');
  const html = readFileSync(htmlPath, 'utf8');
  const refs = (re) => [...html.matchAll(re)].map((m) => resolve(distDir, m[1]));
  const scripts = refs(/<script[^>]*\ssrc="([^"]+)"/g);
  const preloads = refs(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g);
  const styles = refs(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g);
  const critical = closure([...scripts, ...preloads]);
  for (const s of styles) critical.add(s);

  const files = walk(distDir).filter((f) => !f.endsWith('.map'));
  const sized = files.map((f) => {
    const buf = readFileSync(f);
    return { file: relative(distDir, f), path: f, bytes: buf.length, gzip: gz(buf) };
  });
  const sum = (list, key) => list.reduce((a, f) => a + f[key], 0);
  const criticalJs = sized.filter((f) => critical.has(f.path) && f.file.endsWith('.js'));
  const criticalCss = sized.filter((f) => critical.has(f.path) && f.file.endsWith('.css'));
  const later = sized.filter((f) => !critical.has(f.path) && /\.(js|css)$/.test(f.file));
  const mermaidEntry = sized.find((f) => /^mermaid\.core-.*\.js$/.test(basename(f.file)));
  const mermaidFiles = mermaidEntry ? closure([mermaidEntry.path]) : new Set();
  // What the first diagram adds: mermaid's core and its static imports, less what the first slide already loaded.
  const mermaid = sized.filter((f) => mermaidFiles.has(f.path) && !critical.has(f.path));
  return {
    html: { bytes: Buffer.byteLength(html), gzip: gz(Buffer.from(html)) },
    criticalJs: { files: criticalJs.map((f) => f.file), bytes: sum(criticalJs, 'bytes'), gzip: sum(criticalJs, 'gzip') },
    criticalCss: { files: criticalCss.map((f) => f.file), bytes: sum(criticalCss, 'bytes'), gzip: sum(criticalCss, 'gzip') },
    later: {
      files: later.length,
      bytes: sum(later, 'bytes'),
      gzip: sum(later, 'gzip'),
      largest: [...later].sort((a, b) => b.gzip - a.gzip).slice(0, 5).map(({ file, gzip }) => ({ file, gzip })),
    },
    mermaidFirstUse: {
      files: mermaid.length,
      gzip: sum(mermaid, 'gzip'),
      onCriticalPath: mermaidEntry ? critical.has(mermaidEntry.path) : false,
    },
    total: { files: sized.length, bytes: sum(sized, 'bytes'), gzip: sum(sized, 'gzip') },
    gzipByName: Object.fromEntries(sized.map((f) => [basename(f.file), f.gzip])),
  };
}
