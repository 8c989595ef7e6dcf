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
});
