import { describe, expect, it } from 'vitest';
import { expectedAnswer, fizzbuzzAnswer, parseNumberParam } from './rules';

describe('FizzBuzz rules', () => {
  it('answers 1 to 15 as the game does', () => {
    const answers = Array.from({ length: 15 }, (_, i) => expectedAnswer(i + 1));
    expect(answers).toEqual(['1', '2', 'Fizz', '4', 'Buzz', 'Fizz', '7', '8', 'Fizz', 'Buzz', '11', 'Fizz', '13', '14', 'FizzBuzz']);
    expect(fizzbuzzAnswer(30, true, true)).toBe('FizzBuzz');
  });

  it('reads n strictly: whole numbers of at most 12 digits', () => {
    expect(parseNumberParam('15')).toEqual({ ok: true, n: 15 });
    expect(parseNumberParam('-9')).toEqual({ ok: true, n: -9 });
    expect(parseNumberParam(null)).toEqual({ ok: false, message: 'missing query parameter: n' });
    for (const bad of ['', '1.5', '1e3', ' 3', '0x10', '9999999999999', 'three']) {
      expect(parseNumberParam(bad).ok, bad).toBe(false);
    }
    const long = parseNumberParam('x'.repeat(1000));
    expect(!long.ok && long.message.length).toBeLessThan(120);
  });
});
