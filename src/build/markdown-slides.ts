/**
 * Chapters written in Markdown, compiled at build time into the same `<section>` markup the HTML chapters have, with
 * reveal.js's own Markdown conventions so that presenters who know reveal need learn nothing new:
 *
 * - a line `---` (outside a code fence) separates slides; the deck has no vertical stacks, so `--` means nothing;
 * - a line starting `Note:` (or `Notes:`) starts the speaker notes: the rest of the slide, as Markdown, goes into
 *   `<aside class="notes">`;
 * - `<!-- .slide: id="x" data-tracks="talk" -->` anywhere in a slide sets attributes on its `<section>`;
 * - `<!-- .element: class="fragment" -->` sets attributes on the element before it, or on the element it sits in
 *   when nothing precedes it there (reveal's rule: text and `<br>` are skipped, so at the end of a list item that
 *   has a `**bold**` word it lands on the `<strong>`: place it straight after plain text to reach the `<li>`);
 * - a ```` ```mermaid ```` fence becomes `<pre class="mermaid-src">`, which the deck draws as a diagram;
 * - other fences are highlighted here, with highlight.js: token classes in the markup, colours in `code.css`;
 * - an empty fence whose info string names a source region (```` ```ts src/sim/tracing.ts#record-error ````) shows
 *   that region of the deck's own code (`code-regions.ts`), so the code on a slide is the code that runs.
 *
 * Inline HTML passes through unchanged (Markdown allows it by design; chapter files are trusted content), which is
 * how a slide mounts a demo (`<div data-demo="…">`) or lays out two columns. Nothing here runs in the page: it is
 * Node code that `vite.config.ts` calls, so the built deck stays static markup under a strict CSP.
 */
import hljs from 'highlight.js';
import { Marked, type Tokens } from 'marked';
import { extractRegion, parseRegionReference } from './code-regions.ts';

/** Reads a source file by its path from the repository's root (for code regions). */
export type ReadSource = (path: string) => string;

const noSources: ReadSource = (path) => {
  throw new Error(`a slide asks for code from ${path}, but no source reader was given`);
};

const SLIDE_SEPARATOR = /^---[ \t]*$/;
const NOTES_START = /^[ \t]*notes?:[ \t]?/i;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Compile one Markdown chapter into its `<section>` elements, one per slide, in order. */
export function compileMarkdownChapter(source: string, readSource: ReadSource = noSources): string {
  const markdown = createMarkdown(readSource);
  return splitSlides(source.replace(/\r\n?/g, '\n'))
    .filter((slide) => slide.trim() !== '')
    .map((slide) => compileSlide(slide, markdown))
    .join('\n');
}

/**
 * The slides of a chapter: the text between `---` lines. A `---` inside a code fence is code, not a separator; a
 * Markdown thematic break or setext heading cannot be written with `---` here (use `***` and `##`).
 */
export function splitSlides(source: string): string[] {
  const slides: string[][] = [[]];
  for (const { line, inFence } of linesWithFences(source)) {
    if (!inFence && SLIDE_SEPARATOR.test(line)) slides.push([]);
    else slides[slides.length - 1]!.push(line);
  }
  return slides.map((lines) => lines.join('\n'));
}

/** A slide's body and its speaker notes (undefined when it has no `Note:` line). */
export function splitNotes(slide: string): { readonly body: string; readonly notes: string | undefined } {
  const lines = linesWithFences(slide);
  const at = lines.findIndex(({ line, inFence }) => !inFence && NOTES_START.test(line));
  if (at < 0) return { body: slide, notes: undefined };
  const rest = [lines[at]!.line.replace(NOTES_START, ''), ...lines.slice(at + 1).map((l) => l.line)];
  return { body: lines.slice(0, at).map((l) => l.line).join('\n'), notes: rest.join('\n') };
}

/** Each line, and whether it is inside a fenced code block (the fence lines themselves count as inside). */
function linesWithFences(text: string): { line: string; inFence: boolean }[] {
  let open: string | undefined;
  return text.split('\n').map((line) => {
    const fence = FENCE.exec(line)?.[1];
    if (open === undefined) {
      if (fence) open = fence;
      return { line, inFence: fence !== undefined };
    }
    // A fence closes with the same character, at least as long, and nothing after it but spaces.
    if (fence && fence[0] === open[0] && fence.length >= open.length && line.trim() === fence) open = undefined;
    return { line, inFence: true };
  });
}

function compileSlide(slide: string, markdown: Marked): string {
  const { body, notes } = splitNotes(slide);
  const sectionAttributes: Attribute[] = [];
  const html = applyComments(render(markdown, body), sectionAttributes);
  const aside = notes === undefined ? '' : `<aside class="notes">\n${applyComments(render(markdown, notes), [])}</aside>\n`;
  return `<section${serializeAttributes(sectionAttributes)}>\n${html}${aside}</section>\n`;
}

function render(markdown: Marked, text: string): string {
  return markdown.parse(text, { async: false });
}

/** A Marked instance whose code fences are mermaid sources or highlighted code, never parsed in the page. */
function createMarkdown(readSource: ReadSource): Marked {
  return new Marked({
    gfm: true,
    renderer: {
      code({ text, lang }: Tokens.Code): string {
        const ref = parseRegionReference(lang ?? '');
        if (ref) {
          const code = extractRegion(readSource(ref.path), ref.region, ref.path);
          return `<pre class="code code-region" data-source="${escapeHtml(`${ref.path}#${ref.region}`)}"><code class="${codeClass(ref.language)}">${highlight(code, ref.language)}</code></pre>\n`;
        }
        const language = (lang ?? '').trim().split(/\s+/)[0]?.toLowerCase() ?? '';
        // The trailing newline matches what the HTML chapters' <pre> elements hold, so mermaid gets the same source.
        if (language === 'mermaid') return `<pre class="mermaid-src">${escapeHtml(text)}\n</pre>\n`;
        return `<pre class="code"><code class="${codeClass(language)}">${highlight(text, language)}</code></pre>\n`;
      },
      // marked leaves an HTML block without its line end: keep each on its own line, for whoever reads the page.
      html({ text, block }: Tokens.HTML | Tokens.Tag): string {
        return block && !text.endsWith('\n') ? `${text}\n` : text;
      },
    },
  });
}

const codeClass = (language: string): string => (language && hljs.getLanguage(language) ? `hljs language-${language}` : 'hljs');

/** Highlighted code as markup (highlight.js escapes the text); an unknown or missing language is only escaped. */
function highlight(code: string, language: string): string {
  if (!language || !hljs.getLanguage(language)) return escapeHtml(code);
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** One attribute from a `.slide:`/`.element:` comment or a tag; `value` undefined for a bare one (`hidden`). */
interface Attribute {
  readonly name: string;
  readonly value: string | undefined;
}

const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The attributes written in a comment or a tag, in order, values as written (HTML-escaped where they need it). */
export function parseAttributes(text: string): Attribute[] {
  return [...text.matchAll(ATTRIBUTE)].map((m) => ({ name: m[1]!, value: m[2] ?? m[3]?.replace(/"/g, '&quot;') ?? m[4] }));
}

function serializeAttributes(attributes: readonly Attribute[]): string {
  return attributes.map((a) => (a.value === undefined ? ` ${a.name}` : ` ${a.name}="${a.value}"`)).join('');
}

/** Later attributes win, except `class`, whose words add up (`<pre class="code">` plus `class="fragment"`). */
function mergeAttributes(into: Attribute[], added: readonly Attribute[]): void {
  for (const a of added) {
    const at = into.findIndex((b) => b.name.toLowerCase() === a.name.toLowerCase());
    if (at < 0) into.push(a);
    else if (a.name.toLowerCase() === 'class' && into[at]!.value && a.value) into[at] = { name: 'class', value: `${into[at]!.value} ${a.value}` };
    else into[at] = a;
  }
}

// The rendered slide as a flat list of pieces: comments, tags (quoted values may hold ">"), raw text, and text.
const PIECE = /<!--[\s\S]*?-->|<\/?[A-Za-z][\w:-]*(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>|[^<]+|</g;
const SLIDE_COMMENT = /^<!--\s*\.slide:?\s([\s\S]*?)-->$/;
const ELEMENT_COMMENT = /^<!--\s*\.element:?\s([\s\S]*?)-->$/;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

type Piece =
  | { readonly kind: 'open' | 'close' | 'void'; readonly name: string; tag: string }
  | { readonly kind: 'text'; text: string }
  | { readonly kind: 'raw'; readonly text: string };

function pieces(html: string): Piece[] {
  const out: Piece[] = [];
  let rawText: string | undefined;
  for (const [text] of html.matchAll(PIECE)) {
    const tag = text.startsWith('<!--') ? null : /^<(\/?)([A-Za-z][\w:-]*)/.exec(text);
    const name = tag?.[2]?.toLowerCase() ?? '';
    const closing = tag?.[1] === '/';
    // Inside <script> or <style> everything up to the closing tag is text, "<" and comments included.
    if (rawText !== undefined && !(closing && name === rawText)) out.push({ kind: 'raw', text });
    else if (!tag) out.push({ kind: 'text', text });
    else if (closing) {
      rawText = undefined;
      out.push({ kind: 'close', name, tag: text });
    } else if (VOID.has(name) || text.endsWith('/>')) out.push({ kind: 'void', name, tag: text });
    else {
      out.push({ kind: 'open', name, tag: text });
      if (RAW_TEXT.has(name)) rawText = name;
    }
  }
  return out;
}

/**
 * Apply a slide's `.slide:` comments to `sectionAttributes` and its `.element:` comments to their elements, and drop
 * the comments. The rules are reveal.js's (plugin/markdown): an element comment goes to the nearest element before
 * it in the same parent (skipping text and `<br>`), else to that parent, else to the section.
 */
function applyComments(html: string, sectionAttributes: Attribute[]): string {
  const list = pieces(html);
  const dropped = new Set<number>();
  list.forEach((piece, i) => {
    if (piece.kind !== 'text') return;
    const slide = SLIDE_COMMENT.exec(piece.text);
    const element = ELEMENT_COMMENT.exec(piece.text);
    if (slide) mergeAttributes(sectionAttributes, parseAttributes(slide[1]!));
    else if (element) {
      const target = elementBefore(list, i);
      const added = parseAttributes(element[1]!);
      if (target) target.tag = withAttributes(target.tag, added);
      else mergeAttributes(sectionAttributes, added);
    } else return;
    dropped.add(i);
  });
  let out = '';
  list.forEach((piece, i) => {
    if (!dropped.has(i)) {
      out += piece.kind === 'text' || piece.kind === 'raw' ? piece.text : piece.tag;
      return;
    }
    // The comment goes, and with it the line it stood on, or the spaces that led up to it inside a line.
    const next = list[i + 1];
    if (out === '' || out.endsWith('\n')) {
      if (next?.kind === 'text') next.text = next.text.replace(/^\n/, '');
    } else out = out.replace(/[ \t]+$/, '');
  });
  return out;
}

/** The element an `.element:` comment at `index` belongs to, by reveal's rule; undefined means the section. */
function elementBefore(list: readonly Piece[], index: number): Extract<Piece, { tag: string }> | undefined {
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    const p = list[i]!;
    if (p.kind === 'text' || p.kind === 'raw') continue;
    if (p.kind === 'void') {
      if (depth === 0 && p.name !== 'br') return p;
    } else if (p.kind === 'close') depth++;
    else if (depth === 0) return p; // the parent: nothing before the comment inside it
    else if (--depth === 0) return p; // the opening tag of the sibling just before the comment
  }
  return undefined;
}

function withAttributes(tag: string, added: readonly Attribute[]): string {
  const m = /^<([A-Za-z][\w:-]*)([\s\S]*?)(\/?)>$/.exec(tag)!;
  const attributes = parseAttributes(m[2]!);
  mergeAttributes(attributes, added);
  return `<${m[1]}${serializeAttributes(attributes)}${m[3] ? ' /' : ''}>`;
}
