/**
 * OpenTelemetry's consistent probability sampling, the arithmetic only (spec: trace/tracestate-probability-sampling.md
 * and tracestate-handling.md). A participant keeps a span when its randomness `rv` is at least its rejection
 * threshold `th`, both 56-bit numbers: `th = (1 − p) · 2^56`, `rv` the trace id's low 56 bits (or `ot=rv:` in
 * `tracestate`). Both are handled as 14 lowercase hex digits, so comparing them is comparing strings: no BigInt
 * (the build's ES2016 target has no BigInt literals) and no precision lost above 2^53.
 */

/** 56 bits = 14 hex digits. */
const DIGITS = 14;
/** The spec recommends that SDKs write 4 significant digits by default. */
const DEFAULT_PRECISION = 4;
const TWO_POW_52 = 2 ** 52;
const HEX14 = /^[0-9a-f]{14}$/;
const TH_VALUE = /^[0-9a-f]{1,14}$/;

/**
 * The `th` value for probability `p` (in [2^-56, 1]), with `precision` significant hex digits, trailing zeros
 * removed: 0.5 → "8", 0.25 → "c", 0.1 → "e666", 0.01 → "fd70a" (precision rises by one per leading "f", as the
 * spec's algorithm does, so small probabilities keep their significant digits). Throws on a probability outside
 * the range: "never" is not a probability sample.
 */
export function probabilityToTh(p: number, precision: number = DEFAULT_PRECISION): string {
  if (!(p >= 2 ** -56 && p <= 1)) throw new RangeError(`a sampling probability is in [2^-56, 1], not ${p}`);
  if (p === 1) return '0';
  // frexp: p = m · 2^exp with m in [0.5, 1).
  const exp = Math.floor(Math.log2(p)) + 1;
  const digits = Math.max(1, Math.min(12, precision + Math.floor(exp / -4)));
  // In [1, 2): the 52 bits after the binary point are the rejection probability's first 13 hex digits. Adding half
  // of the last kept digit rounds rather than truncates.
  let rejection = 2 - p + 0.5 * 16 ** -digits;
  if (rejection >= 2) rejection = 2 - 2 ** -52;
  const mantissa = Math.round((rejection - 1) * TWO_POW_52).toString(16).padStart(13, '0');
  const th = mantissa.slice(0, digits).replace(/0+$/, '');
  return th === '' ? '0' : th;
}

/** A `th` value as its 14 digits (trailing zeros put back), or undefined if it is not 1–14 hex digits. */
function thresholdDigits(th: string): string | undefined {
  const t = th.toLowerCase();
  return TH_VALUE.test(t) ? t.padEnd(DIGITS, '0') : undefined;
}

/** The probability a `th` stands for: (2^56 − th) / 2^56. */
export function thToProbability(th: string): number {
  const digits = thresholdDigits(th);
  if (!digits) throw new RangeError(`not a threshold: ${th}`);
  // Two halves of 28 bits each are exact in a double; their sum loses only what 2^-56 steps a double cannot hold.
  const high = parseInt(digits.slice(0, 7), 16) / 2 ** 28;
  const low = parseInt(digits.slice(7), 16) / 2 ** 56;
  return 1 - high - low;
}

/** The adjusted count, 1 / probability: how many traces each kept one stands for. */
export function thToAdjustedCount(th: string): number {
  return 1 / thToProbability(th);
}

/** The randomness of a trace: `ot=rv:` when it is valid, else the trace id's last 14 hex digits (its low 56 bits). */
export function randomnessOf(traceId: string, rv?: string): string {
  const explicit = rv?.toLowerCase();
  return explicit && HEX14.test(explicit) ? explicit : traceId.slice(-DIGITS).toLowerCase();
}

/** The spec's decision: keep when rv ≥ th (both as 14 hex digits, so string order is numeric order). */
export function keeps(randomness: string, th: string): boolean {
  const digits = thresholdDigits(th);
  return digits !== undefined && HEX14.test(randomness) && randomness >= digits;
}

/** The sub-keys of an `ot` tracestate value (`th:8;rv:…`), in order; malformed members are dropped. */
export function parseOtValue(value: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const member of (value ?? '').split(';')) {
    const at = member.indexOf(':');
    if (at > 0) out.set(member.slice(0, at), member.slice(at + 1));
  }
  return out;
}

/** The `ot` value with `th` set (first, as the spec's examples write it) or erased; other sub-keys kept in order. */
export function withTh(value: string | undefined, th: string | undefined): string {
  const keys = parseOtValue(value);
  keys.delete('th');
  const rest = [...keys].map(([k, v]) => `${k}:${v}`);
  return (th === undefined ? rest : [`th:${th}`, ...rest]).join(';');
}
