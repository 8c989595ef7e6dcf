/**
 * The deck's chapters as one piece of markup for `index.html`: every `slides/*.md` (compiled from Markdown) and
 * `slides/*.html` (taken as it is), in file-name order, then each `<!-- fig:name.svg -->` replaced by that figure
 * from `figs/`. Build-time Node code: `vite.config.ts` calls it; nothing in the page imports it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
// With its extension: vite.config.ts imports this file, and Vite's coming native config loader needs one.
import { compileMarkdownChapter, type ReadSource } from './markdown-slides.ts';

/** One chapter file: its name in `slides/` (which sets its place and its format) and its text. */
interface ChapterFile {
  readonly name: string;
  readonly text: string;
}

const CHAPTER = /\.(md|html)$/;
const FIGURE = /<!--\s*fig:([\w.-]+\.svg)\s*-->/g;

/** Whether a file in `slides/` is a chapter (a change to one reloads the dev server's page). */
export const isChapterFile = (name: string): boolean => CHAPTER.test(name);

/**
 * The chapters in file-name order, each after a comment naming its file, with figures included. Figures go in
 * after the Markdown is compiled: an SVG is markup, not Markdown.
 */
export function assembleChapters(files: readonly ChapterFile[], readFigure: (name: string) => string, readSource?: ReadSource): string {
  return [...files]
    .filter((f) => isChapterFile(f.name))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((f) => `<!-- slides/${f.name} -->\n${f.name.endsWith('.md') ? compileMarkdownChapter(f.text, readSource) : f.text}`)
    .join('\n')
    .replace(FIGURE, (_m, name: string) => readFigure(name));
}

/** `assembleChapters` over the files on disk; code regions are read from paths under `rootDir` (the repository). */
export function readChapters(slidesDir: string, figsDir: string, rootDir = join(slidesDir, '..')): string {
  const files = readdirSync(slidesDir)
    .filter(isChapterFile)
    .map((name) => ({ name, text: readFileSync(join(slidesDir, name), 'utf8') }));
  return assembleChapters(
    files,
    (name) => readFileSync(join(figsDir, name), 'utf8'),
    (path) => readFileSync(join(rootDir, path), 'utf8'),
  );
}
