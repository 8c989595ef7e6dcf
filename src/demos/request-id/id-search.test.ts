import { describe, expect, it } from 'vitest';
import { matchedIds, readQuery, searchLines } from './id-search';

const A = '7f3c0a9e1b2d4c5e6f708192a3b4c5d6';
const B = '7f3c99990000111122223333aaaabbbb';
const lines = [
  { text: `nginx … ${A}`, requestId: A },
  { text: `req: ${B}, function pair took 0.5 seconds`, requestId: B },
  { text: 'a line with no id' },
  { text: `req: ${A}, operation beer.query took 0.003 seconds`, requestId: A },
];

describe('search by id', () => {
  it('shows every line when nothing is typed', () => {
    expect(readQuery('  ')).toEqual({ kind: 'all' });
    expect(searchLines(lines, readQuery(''))).toHaveLength(4);
  });

  it('keeps the lines whose id contains the digits typed, case and spaces aside', () => {
    expect(searchLines(lines, readQuery(` ${A.slice(0, 8).toUpperCase()} `)).map((l) => l.requestId)).toEqual([A, A]);
    expect(matchedIds(lines, readQuery('7f3c'))).toEqual([A, B]);
    expect(matchedIds(lines, readQuery(A))).toEqual([A]);
  });

  it('tells what is wrong with what is not an id, and matches nothing', () => {
    const q = readQuery('<img src=x>');
    expect(q.kind).toBe('invalid');
    expect(searchLines(lines, q)).toEqual([]);
    expect(readQuery('a'.repeat(33))).toMatchObject({ kind: 'invalid', message: expect.stringContaining('32 hex digits') });
  });
});
