import { describe, expect, it } from 'vitest';
import { ConsoleLines } from './console-lines';

describe('the console panel’s lines', () => {
  it('keeps what was printed, in order', () => {
    const c = new ConsoleLines();
    c.append('{\n  a: 1\n}');
    c.append('{ b: 2 }');
    expect(c.text).toBe('{\n  a: 1\n}\n{ b: 2 }');
    expect(c.blocks).toBe(2);
  });

  it('keeps only the last lines, counting those dropped', () => {
    const c = new ConsoleLines(5);
    for (let i = 0; i < 4; i++) c.append(`line ${i}a\nline ${i}b`);
    expect(c.lineCount).toBe(5);
    expect(c.text.split('\n')[0]).toBe('line 1b');
    expect(c.text.split('\n').at(-1)).toBe('line 3b');
    expect(c.dropped).toBe(3);
    c.clear();
    expect([c.text, c.dropped, c.blocks]).toEqual(['', 0, 0]);
  });

  it('marks where a request’s first span starts, and finds it again after old lines dropped', () => {
    const lines = new ConsoleLines(5);
    lines.append('a1\na2');
    const mark = lines.mark();
    lines.append('b1\nb2');
    expect(lines.text.split('\n')[lines.lineOf(mark)]).toBe('b1');
    lines.append('c1\nc2'); // six lines: a1 drops off the top
    expect(lines.text.split('\n')[lines.lineOf(mark)]).toBe('b1');
    lines.append('d1\nd2\ne1'); // now b1 has dropped too
    expect(lines.lineOf(mark)).toBe(0);
  });
});
