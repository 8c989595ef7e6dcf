import { describe, expect, it } from 'vitest';
import { assembleChapters, isChapterFile } from './chapters';

const figure = (name: string): string => `<svg id="${name}"></svg>`;

describe('assembleChapters', () => {
  it('takes Markdown and HTML chapters in file-name order, each after a comment naming it', () => {
    const html = assembleChapters(
      [
        { name: '20-b.md', text: '<!-- .slide: id="b" -->\n## B\n' },
        { name: '10-a.html', text: '<section id="a"><h2>A</h2></section>\n' },
        { name: '30-c.md', text: '## C\n---\n## D\n' },
      ],
      figure,
    );
    expect(html).toBe(
      '<!-- slides/10-a.html -->\n<section id="a"><h2>A</h2></section>\n\n' +
        '<!-- slides/20-b.md -->\n<section id="b">\n<h2>B</h2>\n</section>\n\n' +
        '<!-- slides/30-c.md -->\n<section>\n<h2>C</h2>\n</section>\n\n<section>\n<h2>D</h2>\n</section>\n',
    );
  });

  it('includes figures in both kinds of chapter, after the Markdown is compiled', () => {
    const html = assembleChapters(
      [
        { name: '10-a.html', text: '<section><!-- fig:one.svg --></section>' },
        { name: '20-b.md', text: '## Legs\n\n<!--  fig:two-parts.svg  -->\n' },
      ],
      figure,
    );
    expect(html).toContain('<section><svg id="one.svg"></svg></section>');
    expect(html).toContain('<h2>Legs</h2>\n<svg id="two-parts.svg"></svg>\n');
    expect(html).not.toContain('fig:');
  });

  it('leaves other files in slides/ out', () => {
    expect(assembleChapters([{ name: 'README.txt', text: 'no' }, { name: 'notes.md~', text: 'no' }], figure)).toBe('');
    expect(['10-a.md', '10-a.html', 'a.svg', 'a.md.bak'].filter(isChapterFile)).toEqual(['10-a.md', '10-a.html']);
  });
});
