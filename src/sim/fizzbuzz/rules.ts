/**
 * FizzBuzz itself, kept apart from the services so it can be tested on its own: the answer for a number, and the
 * strict reading of the `n` query parameter every FizzBuzz service does.
 */

/** The answer for `n`, given what fizzer (divisible by 3) and buzzer (divisible by 5) said. */
export function fizzbuzzAnswer(n: number, fizz: boolean, buzz: boolean): string {
  if (fizz && buzz) return 'FizzBuzz';
  if (fizz) return 'Fizz';
  if (buzz) return 'Buzz';
  return String(n);
}

/** What a person would expect for `n`, computed in one place: tests compare the services against it. */
export function expectedAnswer(n: number): string {
  return fizzbuzzAnswer(n, n % 3 === 0, n % 5 === 0);
}

export type ParsedNumber = { readonly ok: true; readonly n: number } | { readonly ok: false; readonly message: string };

/** Whole numbers only, up to 12 digits (well inside a double's exact range), so `n % 3` is always exact. */
const WHOLE = /^-?\d{1,12}$/;

export function parseNumberParam(raw: string | null): ParsedNumber {
  if (raw === null || raw === '') return { ok: false, message: 'missing query parameter: n' };
  if (!WHOLE.test(raw)) return { ok: false, message: `n must be a whole number of at most 12 digits, not '${raw.slice(0, 40)}'` };
  return { ok: true, n: Number(raw) };
}
