import { describe, expect, it } from 'vitest';
import { compileMarkdownChapter, parseAttributes, splitNotes, splitSlides } from './markdown-slides';

/** The chapter's sections, each as its opening tag and its inner markup. */
function sections(markdown: string): { open: string; inner: string }[] {
  return [...compileMarkdownChapter(markdown).matchAll(/(<section[^>]*>)\n([\s\S]*?)<\/section>/g)].map((m) => ({
    open: m[1]!,
    inner: m[2]!,
  }));
}

const only = (markdown: string): string => {
  const all = sections(markdown);
  expect(all).toHaveLength(1);
  return all[0]!.inner;
};

describe('slide separators', () => {
  it('makes one section per slide, split on --- lines', () => {
    const all = sections('## One\n\ntext\n\n---\n\n## Two\n---\n## Three\n');
    expect(all.map((s) => s.inner.trim())).toEqual(['<h2>One</h2>\n<p>text</p>', '<h2>Two</h2>', '<h2>Three</h2>']);
  });

  it('skips empty slides (a separator at the start or end of the file)', () => {
    expect(sections('---\n## One\n---\n\n')).toHaveLength(1);
  });

  it('does not split inside a code fence, nor on --, nor on a longer rule', () => {
    expect(splitSlides('a\n```yaml\n---\nkey: 1\n```\nb\n--\nc\n----\nd')).toHaveLength(1);
    expect(splitSlides('a\n~~~~\n---\n~~~\n---\n~~~~\nb\n---\nc')).toEqual(['a\n~~~~\n---\n~~~\n---\n~~~~\nb', 'c']);
  });

  it('reads Windows line ends', () => {
    expect(sections('## One\r\n---\r\n## Two\r\n').map((s) => s.inner)).toEqual(['<h2>One</h2>\n', '<h2>Two</h2>\n']);
  });
});

describe('speaker notes', () => {
  it('puts everything after Note: into the notes, rendered as Markdown', () => {
    const inner = only('## Title\n\nBody.\n\nNote:\nSay **this**, slowly.\n\n- then that\n');
    expect(inner).toBe('<h2>Title</h2>\n<p>Body.</p>\n<aside class="notes">\n<p>Say <strong>this</strong>, slowly.</p>\n<ul>\n<li>then that</li>\n</ul>\n</aside>\n');
  });

  it('takes text on the Note: line itself, and Notes: in any case', () => {
    expect(splitNotes('a\nNote: first words\nmore')).toEqual({ body: 'a', notes: 'first words\nmore' });
    expect(splitNotes('a\nnotes:\nmore').notes).toBe('\nmore');
    expect(splitNotes('a\nNOTE: x').notes).toBe('x');
  });

  it('has no notes when no line starts with Note:, and ignores one inside a code fence', () => {
    expect(splitNotes('A Note: in a sentence').notes).toBeUndefined();
    expect(splitNotes('```\nNote: code\n```').notes).toBeUndefined();
    expect(only('## Title\n')).not.toContain('aside');
  });
});

describe('slide attributes', () => {
  it('sets the section attributes from a .slide: comment, in the order written, and drops the comment', () => {
    const [s] = sections('<!-- .slide: id="why-trace" class="demo-slide" data-tracks="talk onboarding" -->\n## Why?\n');
    expect(s!.open).toBe('<section id="why-trace" class="demo-slide" data-tracks="talk onboarding">');
    expect(s!.inner).toBe('<h2>Why?</h2>\n');
  });

  it('reads the comment anywhere in the slide, adds up classes, and takes bare attributes', () => {
    const [s] = sections('## Why?\n\n<!-- .slide: class="a" data-state="dark" -->\n\ntext\n<!-- .slide: class="b" data-visibility="hidden" hidden -->\n');
    expect(s!.open).toBe('<section class="a b" data-state="dark" data-visibility="hidden" hidden>');
    expect(s!.inner).toBe('<h2>Why?</h2>\n<p>text</p>\n');
  });

  it('leaves a section bare without one', () => {
    expect(sections('## Plain\n')[0]!.open).toBe('<section>');
  });

  it('parses attribute values in double, single or no quotes', () => {
    expect(parseAttributes(`id="a b" data-x='say "hi"' data-n=3 hidden`)).toEqual([
      { name: 'id', value: 'a b' },
      { name: 'data-x', value: 'say &quot;hi&quot;' },
      { name: 'data-n', value: '3' },
      { name: 'hidden', value: undefined },
    ]);
  });
});

describe('element attributes', () => {
  it('applies to the block before it when on its own line', () => {
    expect(only('Chapter 1\n<!-- .element: class="kicker" -->\n\n## Title\n')).toBe('<p class="kicker">Chapter 1</p>\n<h2>Title</h2>\n');
    expect(only('- a\n- b\n\n<!-- .element: class="commute-list" -->\n')).toBe('<ul class="commute-list">\n<li>a</li>\n<li>b</li>\n</ul>\n');
  });

  it('applies to its list item or paragraph when it follows plain text there: fragments', () => {
    const inner = only('- first <!-- .element: class="fragment" -->\n- second <!-- .element: class="fragment" data-fragment-index="2" -->\n\nAnd so on. <!-- .element: class="fragment muted" -->\n');
    expect(inner).toBe(
      '<ul>\n<li class="fragment">first</li>\n<li class="fragment" data-fragment-index="2">second</li>\n</ul>\n<p class="fragment muted">And so on.</p>\n',
    );
  });

  it('follows reveal: after an inline element it lands on that element, <br> skipped', () => {
    expect(only('- a **b** <!-- .element: class="fragment" -->\n')).toBe('<ul>\n<li>a <strong class="fragment">b</strong></li>\n</ul>\n');
    expect(only('a *b*<br> <!-- .element: class="x" -->\n')).toBe('<p>a <em class="x">b</em><br></p>\n');
    // On its own line after the paragraph, it is the paragraph's sibling: the paragraph gets it.
    expect(only('a *b*\n<!-- .element: class="x" -->\n')).toBe('<p class="x">a <em>b</em></p>\n');
  });

  it('lands on the opening tag of inline HTML before it, and adds to its class', () => {
    expect(only('<div class="two-col">\n<p>x</p>\n</div>\n<!-- .element: class="fragment" data-x="1" -->\n')).toBe(
      '<div class="two-col fragment" data-x="1">\n<p>x</p>\n</div>\n',
    );
    expect(only('text <span class="a" title="1 > 0">s</span> <!-- .element: class="b" -->\n')).toBe(
      '<p>text <span class="a b" title="1 > 0">s</span></p>\n',
    );
  });

  it('goes to the section when nothing precedes it', () => {
    const [s] = sections('<!-- .element: data-state="x" -->\n## Title\n');
    expect(s!.open).toBe('<section data-state="x">');
  });

  it('works in the notes too', () => {
    expect(only('x\n\nNote:\nsay it <!-- .element: class="loud" -->\n')).toContain('<p class="loud">say it</p>');
  });
});

describe('inline HTML', () => {
  it('passes a demo mount and a layout through unchanged, with Markdown between blank lines inside', () => {
    const demo = '<div data-demo="commute" data-commute="trip" aria-label="Live demo: one commute &amp; its trace"></div>';
    expect(only(`## Go\n\n${demo}\n`)).toBe(`<h2>Go</h2>\n${demo}\n`);
    const layout = only('<div class="two-col">\n<div>\n\n### A program\n\nOne *process*.\n\n</div>\n</div>\n');
    expect(layout).toBe('<div class="two-col">\n<div>\n<h3>A program</h3>\n<p>One <em>process</em>.</p>\n</div>\n</div>\n');
  });

  it('keeps a raw <pre> as it is, blank lines and inner tags included', () => {
    const pre = '<pre class="fb-code" aria-label="The handler">context.with(ctx, async () =&gt; {\n\n  <span class="fb-code-note">// note</span>\n});</pre>';
    expect(only(`${pre}\n`)).toBe(`${pre}\n`);
  });

  it('keeps figure includes for the assembler, which replaces them after compiling', () => {
    expect(only('## Legs\n\n<!-- fig:commute-legs.svg -->\n\nNote:\nClick.\n')).toBe(
      '<h2>Legs</h2>\n<!-- fig:commute-legs.svg -->\n<aside class="notes">\n<p>Click.</p>\n</aside>\n',
    );
  });

  it('does not read .element comments inside a <script> or <style>', () => {
    const raw = '<style>\n.x::after { content: "<!-- .element: class=\\"y\\" -->"; }\n</style>';
    expect(only(`${raw}\n`)).toBe(`${raw}\n`);
  });
});

describe('text is text', () => {
  it('escapes markup characters written as text, in code spans and in fences', () => {
    expect(only('1 < 2 & 3 > 2, `<script>alert(1)</script>` and \\<b>\n')).toBe(
      '<p>1 &lt; 2 &amp; 3 &gt; 2, <code>&lt;script&gt;alert(1)&lt;/script&gt;</code> and &lt;b&gt;</p>\n',
    );
    expect(only('```\n<script>alert(1)</script>\n```\n')).toBe(
      '<pre class="code"><code class="hljs">&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>\n',
    );
  });

  it('leaves entities and comments that are not directives alone', () => {
    expect(only('a &amp; b &lt;c&gt; <!-- a remark -->\n')).toBe('<p>a &amp; b &lt;c&gt; <!-- a remark --></p>\n');
  });

  it('never reads a directive written in code as one', () => {
    const [s] = sections('`<!-- .slide: id="x" -->`\n\n```html\n<!-- .element: class="y" -->\n```\n');
    expect(s!.open).toBe('<section>');
    expect(s!.inner).toContain('&lt;!-- .slide: id=&quot;x&quot; --&gt;');
    expect(s!.inner).not.toContain('class="y"');
  });
});

describe('code fences', () => {
  it('are highlighted at build time: token classes in the markup, the text escaped', () => {
    const inner = only('```ts\nconst n: number = 1; // one\nif (a < b) return "x";\n```\n');
    expect(inner).toMatch(/^<pre class="code"><code class="hljs language-ts">/);
    expect(inner).toContain('<span class="hljs-keyword">const</span>');
    expect(inner).toContain('<span class="hljs-comment">// one</span>');
    expect(inner).toContain('<span class="hljs-string">&quot;x&quot;</span>');
    expect(inner).toContain('a &lt; b');
  });

  it('take attributes from an .element comment after them', () => {
    expect(only('```js\nx\n```\n<!-- .element: class="fragment" -->\n')).toMatch(/^<pre class="code fragment"><code class="hljs language-js">/);
  });

  it('of an unknown language are only escaped', () => {
    expect(only('```nosuchlanguage\na < b\n```\n')).toBe('<pre class="code"><code class="hljs">a &lt; b</code></pre>\n');
  });
});

describe('mermaid', () => {
  it('compiles a mermaid fence to the <pre class="mermaid-src"> the deck draws, the source intact as its text', () => {
    const inner = only('```mermaid\nflowchart TB\n  user([request]) --> lb[load balancer]\n  be --> db[(database)]\n```\n<!-- .element: aria-label="A request enters a load balancer" -->\n');
    expect(inner).toBe(
      '<pre class="mermaid-src" aria-label="A request enters a load balancer">flowchart TB\n  user([request]) --&gt; lb[load balancer]\n  be --&gt; db[(database)]\n</pre>\n',
    );
  });

  it('keeps a raw <pre class="mermaid-src"> written as HTML as it is', () => {
    const pre = '<pre class="mermaid-src" aria-label="x">\nflowchart LR\n  a --> b\n</pre>';
    expect(only(`${pre}\n`)).toBe(`${pre}\n`);
  });
});
