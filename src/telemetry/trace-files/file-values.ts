/**
 * Small, strict readers for values taken from a trace file. A file is anyone's text: every read checks the type it
 * expects and says which field broke, and every key is written as an own property, so a key such as `__proto__`
 * stays data (a plain `obj[key] = value` would set the object's prototype instead).
 */
import type { AttrValue } from '../span-record';

/** A file the deck cannot read, with a message that says why (and which field). */
export class TraceFileError extends Error {
  override readonly name = 'TraceFileError';
}

/** Nested attribute values (OTLP's kvlist and array values) deeper than this are written as a note. */
export const MAX_VALUE_DEPTH = 8;

export type FileObject = Readonly<Record<string, unknown>>;

/** A record being filled in by a reader: its optional fields are set after the literal, not spread into it. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };

export function isObject(v: unknown): v is FileObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own property only: `processes.__proto__` or `obj.constructor` in a file never reaches Object.prototype. */
export function own(obj: FileObject, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** Write a key as an own, enumerable property, whatever its name. */
export function setOwn<T>(obj: Record<string, T>, key: string, value: T): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  else obj[key] = value;
}

export function fail(where: string, what: string): never {
  throw new TraceFileError(`${where}: ${what}`);
}

export function arrayAt(obj: FileObject, key: string, where: string, optional = false): readonly unknown[] {
  const v = own(obj, key);
  if (v === undefined || v === null) {
    if (optional) return [];
    fail(where, `"${key}" is missing`);
  }
  if (!Array.isArray(v)) fail(where, `"${key}" should be an array, not ${describe(v)}`);
  return v;
}

export function stringAt(obj: FileObject, key: string, where: string): string {
  const v = own(obj, key);
  if (typeof v !== 'string') fail(where, v === undefined ? `"${key}" is missing` : `"${key}" should be a string, not ${describe(v)}`);
  return v;
}

export function optionalString(obj: FileObject, key: string): string | undefined {
  const v = own(obj, key);
  return typeof v === 'string' ? v : undefined;
}

/** A number or a string of digits (JSON writes 64-bit integers as strings). */
export function numberAt(obj: FileObject, key: string, where: string): number {
  const v = own(obj, key);
  const n = typeof v === 'number' ? v : typeof v === 'string' ? decimalNumber(v) : Number.NaN;
  if (!Number.isFinite(n)) fail(where, v === undefined ? `"${key}" is missing` : `"${key}" should be a number, not ${describe(v)}`);
  return n;
}

/**
 * The number a decimal text (`-?\d+(\.\d+)?`: no exponent, no sign but minus, no spaces) stands for, or NaN for any
 * other text. A loop over the characters rather than a regex: 64-bit integers in files are strings, one or more a span.
 */
export function decimalNumber(text: string): number {
  const n = text.length;
  let i = n > 0 && text.charCodeAt(0) === 45 ? 1 : 0;
  const intStart = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i === intStart) return Number.NaN;
  if (i < n) {
    if (text.charCodeAt(i) !== 46) return Number.NaN;
    const fracStart = ++i;
    while (i < n && isDigit(text.charCodeAt(i))) i++;
    if (i === fracStart || i < n) return Number.NaN;
  }
  return Number(text);
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * True when `text` is an id as OTLP writes it: exactly `digits` lowercase hex digits, not all zeros. The reader's
 * hottest check (ids are read three times a span), so a loop over the characters, faster than a regex here.
 */
export function isPlainId(text: string, digits: 16 | 32): boolean {
  if (text.length !== digits) return false;
  let nonZero = false;
  for (let i = 0; i < digits; i++) {
    const c = text.charCodeAt(i);
    if (c > 48 && c <= 57) nonZero = true;
    else if (c >= 97 && c <= 102) nonZero = true;
    else if (c !== 48) return false;
  }
  return nonZero;
}

const HEX = /^[0-9a-f]+$/;

/**
 * A trace or span id as lowercase hex of `digits` digits. Shorter hex is padded on the left (Zipkin and Jaeger allow
 * 64-bit trace ids); an all-zero id is invalid, as in W3C Trace Context.
 */
export function hexId(obj: FileObject, key: string, digits: 16 | 32, where: string): string {
  const given = stringAt(obj, key, where);
  if (isPlainId(given, digits)) return given;
  const raw = given.toLowerCase();
  if (!HEX.test(raw) || raw.length > digits) fail(where, `"${key}" should be at most ${digits} hex digits, not "${clip(raw)}"`);
  const id = raw.padStart(digits, '0');
  if (/^0+$/.test(id)) fail(where, `"${key}" is all zeros`);
  return id;
}

/** A file's value for a message: its type and, for short text, the text. */
export function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `"${clip(v)}"`;
  return typeof v === 'object' ? 'an object' : String(v);
}

const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** A primitive, or an array of them, as an attribute value; anything else as its JSON text, depth-limited. */
export function plainValue(v: unknown): AttrValue {
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (Array.isArray(v) && v.every((x) => x === null || ['string', 'number', 'boolean'].includes(typeof x))) {
    return v as AttrValue;
  }
  return boundedJson(v);
}

/** JSON text of a value, with anything nested past `MAX_VALUE_DEPTH` replaced by a note: never a deep recursion. */
export function boundedJson(v: unknown, depth = 0): string {
  if (depth >= MAX_VALUE_DEPTH) return '"…"';
  if (Array.isArray(v)) return `[${v.map((x) => boundedJson(x, depth + 1)).join(',')}]`;
  if (isObject(v)) {
    return `{${Object.keys(v)
      .map((k) => `${JSON.stringify(k)}:${boundedJson(v[k], depth + 1)}`)
      .join(',')}}`;
  }
  return v === undefined ? 'null' : JSON.stringify(v);
}
