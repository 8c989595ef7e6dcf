/**
 * Global setup for the browser tests: serve the built deck (`dist/`, made by `vite build` just before) with Vite's
 * own preview server on a free localhost port, and hand its address to the tests.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = resolve(import.meta.dirname, '../..');
  if (!existsSync(resolve(root, 'dist/index.html'))) {
    throw new Error('dist/ is missing: the browser tests run against the built deck; run `npm run build` first.');
  }
  const server = await preview({
    root,
    configFile: resolve(root, 'vite.config.ts'),
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its address');
  project.provide('baseURL', url);
  return async () => {
    await server.close();
  };
}
