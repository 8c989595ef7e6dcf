/**
 * OTLP/JSON text → span records in one pass over the text, without `JSON.parse` of the whole document: the same
 * records `JSON.parse` and `readOtlpJson` give (otlp-json-in.ts), two to three times faster on a big file, because
 * only the values a record keeps are made (ids, names, attribute keys and values); the rest is checked and skipped.
 * `JSON.parse` of a 140 MB file builds some 30 million objects and strings that the reader then throws away.
 *
 * It is a fast path, not a second reader. It checks the text as strictly as `JSON.parse` does (RFC 8259), and it
 * gives up, answering false, at anything it does not read exactly as `readOtlpJson` would: a syntax error, a key
 * repeated on the path or written with escapes, a resource after its spans, an old `instrumentationLibrarySpans`
 * list, a span the checked reader refuses, too many spans. The caller then reads the text the plain way, which says
 * what is wrong. A span of any unusual shape (events, links, a kvlist value, a hex id in capitals, a repeated key)
 * is cut out of the text and read by `readSpan` itself, so one odd span does not cost the whole file its fast read.
 *
 * Giving up on a repeated path key is also what makes a file's second half safe to read alone (parse-worker.ts):
 * its opening names the resource, scope and `spans` list, and a repeat of any of them after the cut is a repeat
 * here.
 */
import type { Attributes, SpanRecord, StatusCodeName } from '../span-record';
import { decimalNumber, type FileObject, isPlainId } from './file-values';
import { KINDS, readSpan, resourceOf, STATUS, type SpanPlace, scopeOf, serviceOf } from './otlp-json-in';
import { type PlainSpan, recordOf } from './span-columns';
import type { SpanSink } from './span-sink';

/**
 * Where the reader puts each span: a plain one as its fields (one object, filled again for the next span: take what
 * is needed before returning), or a record that `readSpan` made of an unusual one. Either may throw (the span cap),
 * and the reader then gives up.
 */
export interface TextSpanOut {
  plain(span: PlainSpan): void;
  record(span: SpanRecord): void;
}

/** Spans out as records, into a sink. */
export const recordsInto = (sink: SpanSink): TextSpanOut => ({ plain: (span) => sink.add(recordOf(span)), record: (span) => sink.add(span) });

/** Thrown to give up on the whole text. */
class GiveUp {}
/** Thrown inside a span's field that is not in the plain shape: the span is then read by `readSpan`. */
class NotPlain {}
const GIVE_UP = Object.freeze(new GiveUp());
const NOT_PLAIN = Object.freeze(new NotPlain());

/** Keys an object is read for, as character codes: a key's code is its index + 1, 0 for any other key, -1 for a key written with escapes. */
type KeyTable = readonly Uint8Array[];
const keys = (...names: string[]): KeyTable => names.map((name) => Uint8Array.from(name, (ch) => ch.charCodeAt(0)));
const ROOT_KEYS = keys('resourceSpans');
const RESOURCE_SPANS_KEYS = keys('resource', 'scopeSpans', 'instrumentationLibrarySpans');
const SCOPE_SPANS_KEYS = keys('scope', 'spans', 'instrumentationLibrary');
const SPAN_KEYS = keys('traceId', 'spanId', 'parentSpanId', 'name', 'kind', 'startTimeUnixNano', 'endTimeUnixNano', 'attributes', 'status', 'events', 'links');
const ENTRY_KEYS = keys('key', 'value');
const VALUE_KEYS = keys('stringValue', 'boolValue', 'intValue', 'doubleValue');
const STATUS_KEYS = keys('code', 'message');
const NO_KEYS = keys();

// SPAN_KEYS' codes.
const Span = { TraceId: 1, SpanId: 2, Parent: 3, Name: 4, Kind: 5, Start: 6, End: 7, Attributes: 8, Status: 9 } as const;
const REQUIRED = (1 << Span.TraceId) | (1 << Span.SpanId) | (1 << Span.Name) | (1 << Span.Start) | (1 << Span.End);

/** Slots of the table of repeated strings: a power of two. */
const INTERN_SLOTS = 4096;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isHex = (c: number): boolean => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

/** An integer `kind` or status `code` as `enumOf` in otlp-json-in.ts reads a number. */
const enumNumber = <T extends string>(v: number, names: readonly T[], fallback: T): T => (Number.isInteger(v) ? (names[v] ?? fallback) : fallback);

class TextReader {



  // Fields set in the constructor and only declared here: lowered to ES2016, a class field is an
  // `Object.defineProperty` call, and the reader's hottest fields are to be plain assignments.
  private declare i: number;
  private declare depth: number;
  /** Whether the last string read had escapes. */
  private declare escaped: boolean;
  /** Set when a plain reader found a value of another type and did not read it. */
  private declare pending: boolean;
  /** The span being read. */
  private declare readonly p: PlainSpan;
  /** The last trace id found plain, so that the next span's same id is not checked again. */
  private declare checkedTraceId: string;
  /** Strings read before, by a hash of their characters: see `internedString`. */
  private declare readonly interned: { hash: Int32Array; length: Int32Array; from: Int32Array; strings: string[] };

  constructor(
    private readonly s: string,
    /** The text's character codes, read far faster than `charCodeAt`: its UTF-8 bytes when each is one character. */
    private readonly c: Uint8Array | Uint16Array,
    private readonly out: TextSpanOut,
    private readonly from: SpanPlace,
    private readonly limit: number,
  ) {
    this.i = 0;
    this.depth = 0;
    this.escaped = false;
    this.pending = false;
    this.checkedTraceId = '';
    this.interned = { hash: new Int32Array(INTERN_SLOTS), length: new Int32Array(INTERN_SLOTS).fill(-1), from: new Int32Array(INTERN_SLOTS), strings: new Array<string>(INTERN_SLOTS) };
    this.p = {
      traceId: '',
      spanId: '',
      parentSpanId: '',
      name: '',
      kind: 'INTERNAL',
      startMs: 0,
      endMs: 0,
      code: 'UNSET',
      message: '',
      attrKeys: [],
      attrValues: [],
      attrCount: 0,
      serviceName: '',
      resource: {},
      scope: { name: '' },
    };
  }

  document(): void {
    const { c } = this;
    if (this.peek() !== 123) throw GIVE_UP;
    // A file whose first key is not `resourceSpans` is left to the plain reader at once: it is another format, or an
    // odd one, and skipping through all of it first would be wasted.
    let found = false;
    if (this.open(123)) {
      do {
        const key = this.key(ROOT_KEYS);
        if (key === 1 && !found) {
          found = true;
          if (this.peek() !== 91) throw GIVE_UP;
          this.resourceSpans();
        } else if (!found || key !== 0) throw GIVE_UP;
        else this.skip();
      } while (this.more(125));
    }
    if (!found) throw GIVE_UP;
    this.ws();
    if (this.i !== c.length) throw GIVE_UP;
  }

  private resourceSpans(): void {
    let r = 0;
    if (this.open(91)) {
      do this.resource(r++);
      while (this.more(93));
    }
  }

  private resource(r: number): void {
    if (this.peek() !== 123) throw GIVE_UP;
    const rWhere = `resourceSpans[${r + this.from.resource}]`;
    let resource: Attributes | null = null;
    let scopes = false;
    if (this.open(123)) {
      do {
        const key = this.key(RESOURCE_SPANS_KEYS);
        if (key === 1) {
          // After its spans, the resource would change what they were read with.
          if (resource !== null || scopes) throw GIVE_UP;
          resource = resourceOf({ resource: this.parsedValue() }, rWhere);
        } else if (key === 2) {
          if (scopes || this.peek() !== 91) throw GIVE_UP;
          scopes = true;
          resource ??= {};
          const serviceName = serviceOf(resource);
          let s = 0;
          if (this.open(91)) {
            do this.scope(r, s++, rWhere, serviceName, resource);
            while (this.more(93));
          }
        } else if (key === 0) this.skip();
        else throw GIVE_UP;
      } while (this.more(125));
    }
  }

  private scope(r: number, s: number, rWhere: string, serviceName: string, resource: Attributes): void {
    if (this.peek() !== 123) throw GIVE_UP;
    let scope: SpanRecord['scope'] | null = null;
    let spans = false;
    if (this.open(123)) {
      do {
        const key = this.key(SCOPE_SPANS_KEYS);
        if (key === 1) {
          if (scope !== null || spans) throw GIVE_UP;
          scope = scopeOf({ scope: this.parsedValue() });
        } else if (key === 2) {
          if (spans) throw GIVE_UP;
          spans = true;
          scope ??= { name: '' };
          const c = this.peek();
          if (c === 110) this.word('null');
          else if (c !== 91) throw GIVE_UP;
          else {
            // As readOtlpJson names places: a second half starts inside its first resource's scope.
            const sWhere = `${rWhere}.scopeSpans[${r === 0 ? s + this.from.scope : s}]`;
            let index = r === 0 && s === 0 ? this.from.span : 0;
            if (this.open(91)) {
              do this.span(sWhere, index++, serviceName, resource, scope);
              while (this.more(93));
            }
          }
        } else if (key === 0) this.skip();
        else throw GIVE_UP;
      } while (this.more(125));
    }
  }

  /** One span: read here when every field is in the plain shape, else cut out and read by `readSpan`. */
  private span(sWhere: string, index: number, serviceName: string, resource: Attributes, scope: SpanRecord['scope']): void {
    if (this.peek() !== 123) throw GIVE_UP;
    const start = this.i;
    const { p } = this;
    let plain = true;
    let seen = 0;
    p.parentSpanId = '';
    p.kind = 'INTERNAL';
    p.code = 'UNSET';
    p.message = '';
    p.attrCount = 0;
    if (this.open(123)) {
      do {
        const key = this.key(SPAN_KEYS);
        const bit = key > 0 ? 1 << key : 0;
        if (key < 0 || (seen & bit) !== 0) plain = false;
        seen |= bit;
        if (!plain || key === 0) {
          this.skip();
          continue;
        }
        switch (key) {
          case Span.TraceId: {
            // Most files hold a few traces: the id is usually the last span's, and checked once.
            const id = this.peek() === 34 ? this.internedString() : this.plainString();
            if (id !== this.checkedTraceId) {
              if (!isPlainId(id, 32)) plain = false;
              else this.checkedTraceId = id;
            }
            p.traceId = id;
            break;
          }
          case Span.SpanId: {
            const id = this.idString();
            if (id === null) plain = false;
            else p.spanId = id;
            break;
          }
          case Span.Parent: {
            // "" is a root, as any value that is not a non-empty string is; read by `readSpan` when not "".
            if (this.peek() === 34 && this.c[this.i + 1] === 34) {
              this.i += 2;
              break;
            }
            const id = this.idString();
            if (id === null) plain = false;
            else p.parentSpanId = id;
            break;
          }
          case Span.Name:
            p.name = this.peek() === 34 ? this.internedString() : this.plainString();
            break;
          case Span.Kind:
            p.kind = enumNumber(this.plainNumber(), KINDS, 'INTERNAL');
            break;
          case Span.Start:
            p.startMs = this.nanosMs();
            if (Number.isNaN(p.startMs)) plain = false;
            break;
          case Span.End:
            p.endMs = this.nanosMs();
            if (Number.isNaN(p.endMs)) plain = false;
            break;
          case Span.Attributes:
            if (!this.orSkip(Span.Attributes)) plain = false;
            break;
          case Span.Status:
            if (!this.orSkip(Span.Status)) plain = false;
            break;
          default:
            // Events and links: none (an empty list or null) is plain; any are read by `readSpan`.
            if (!this.noEntries()) plain = false;
        }
        // A value that was not a string or number where one was wanted: the reader left it unread.
        if (this.pending) {
          plain = false;
          this.pending = false;
          this.skip();
        }
      } while (this.more(125));
    }
    if (!plain || (seen & REQUIRED) !== REQUIRED || p.endMs < p.startMs) {
      // Cut out of the text, which is valid JSON here: the checked reader gives the record, or its message.
      this.out.record(readSpan(JSON.parse(this.s.slice(start, this.i)) as FileObject, sWhere, index, serviceName, resource, scope));
      return;
    }
    p.serviceName = serviceName;
    p.resource = resource;
    p.scope = scope;
    this.out.plain(p);
  }


  private plainString(): string {
    if (this.peek() !== 34) {
      this.pending = true;
      return '';
    }
    return this.string();
  }

  /**
   * A span id as exporters write it (16 lowercase hex digits, not all zeros, in quotes), read; null for anything
   * else, left for `readSpan` to read or refuse.
   */
  private idString(): string | null {
    // Not read: the span goes to `readSpan`, and the value is skipped (`pending`).
    this.pending = true;
    if (this.peek() !== 34) return null;
    const { c } = this;
    const from = this.i + 1;
    let nonZero = false;
    for (let j = from; j < from + 16; j++) {
      const d = c[j]!;
      if ((d > 48 && d <= 57) || (d >= 97 && d <= 102)) nonZero = true;
      else if (d !== 48) return null;
    }
    if (!nonZero || c[from + 16] !== 34) return null;
    this.pending = false;
    this.i = from + 17;
    return this.s.slice(from, from + 16);
  }

  /**
   * `plainNanosToMs` (otlp-json-in.ts) of a string of 1 to 20 digits, read from the codes with the same arithmetic,
   * so the same double; NaN for anything else, left for `readSpan` to read.
   */
  private nanosMs(): number {
    this.pending = true;
    if (this.peek() !== 34) return Number.NaN;
    const { c } = this;
    const from = this.i + 1;
    let to = from;
    while (isDigit(c[to]!)) to++;
    const length = to - from;
    if (c[to] !== 34 || length === 0 || length > 20) return Number.NaN;
    this.pending = false;
    const split = to - 6;
    let high = 0;
    let low = 0;
    for (let j = from; j < to; j++) {
      if (j < split) high = high * 10 + (c[j]! - 48);
      else low = low * 10 + (c[j]! - 48);
    }
    this.i = to + 1;
    return high + low / 1e6;
  }

  /**
   * A string at `this.i` (a quote), its value, the same string object as the last time the same characters came in
   * this slot: names, attribute keys and values repeat in a file, and a repeated string is then neither copied out
   * of the text again nor hashed again when the columns look it up.
   */
  private internedString(): string {
    const { c } = this;
    const from = this.i + 1;
    let j = from;
    let h = 0x811c9dc5 | 0;
    for (;;) {
      const d = c[j]!;
      if (d === 34) break;
      // Escapes, and anything wrong: the plain way.
      if (d === 92 || !(d >= 32)) return this.string();
      h = Math.imul(h ^ d, 16777619);
      j++;
    }
    this.i = j + 1;
    this.escaped = false;
    const length = j - from;
    const slot = (h ^ (h >>> 13)) & (INTERN_SLOTS - 1);
    const interned = this.interned;
    if (interned.length[slot] === length && interned.hash[slot] === h) {
      const at = interned.from[slot]!;
      let same = true;
      for (let k = 0; k < length; k++) {
        if (c[at + k] !== c[from + k]) {
          same = false;
          break;
        }
      }
      if (same) return interned.strings[slot]!;
    }
    const value = this.s.slice(from, j);
    interned.hash[slot] = h;
    interned.length[slot] = length;
    interned.from[slot] = from;
    interned.strings[slot] = value;
    return value;
  }

  /** A number where a span wants one; NaN (and the value left unread) for anything else. */
  private plainNumber(): number {
    const c = this.peek();
    if (c !== 45 && !isDigit(c)) {
      this.pending = true;
      return Number.NaN;
    }
    return this.number();
  }

  /** Run a plain reader of a value; when it meets another shape, go back, check and skip the value, and say false. */
  private orSkip(field: typeof Span.Attributes | typeof Span.Status): boolean {
    const { i, depth } = this;
    try {
      // Not a callback: a closure a span is garbage 200,000 times over.
      if (field === Span.Attributes) this.attributes();
      else this.status();
      return true;
    } catch (error) {
      if (error !== NOT_PLAIN) throw error;
      this.i = i;
      this.depth = depth;
      this.skip();
      return false;
    }
  }

  /** `[]` or `null`, read; false (nothing read) for anything else. */
  private noEntries(): boolean {
    const c = this.peek();
    if (c === 110) {
      this.word('null');
      return true;
    }
    if (c !== 91) {
      this.pending = true;
      return false;
    }
    const at = this.i;
    this.i++;
    if (this.peek() === 93) {
      this.i++;
      return true;
    }
    this.i = at;
    this.pending = true;
    return false;
  }

  /** Attributes as exporters write them, as `plainAttributes` reads them, into the span's lists; NotPlain at anything else. */
  private attributes(): void {
    if (this.peek() !== 91) throw NOT_PLAIN;
    const { p } = this;
    if (this.open(91)) {
      do {
        if (this.peek() !== 123) throw NOT_PLAIN;
        let key: string | null = null;
        let value: string | number | boolean | null = null;
        if (this.open(123)) {
          do {
            const k = this.key(ENTRY_KEYS);
            if (k === 1 && key === null && this.peek() === 34) key = this.internedString();
            else if (k === 2 && value === null) value = this.simpleValue();
            else if (k === 0) this.skip();
            else throw NOT_PLAIN;
          } while (this.more(125));
        }
        if (key === null) throw NOT_PLAIN;
        p.attrKeys[p.attrCount] = key;
        p.attrValues[p.attrCount] = value ?? '';
        p.attrCount++;
      } while (this.more(93));
    }
  }

  /** `{"stringValue" | "boolValue" | "intValue" | "doubleValue": …}` with that one key, as `simpleValue` reads it. */
  private simpleValue(): string | number | boolean {
    if (this.peek() !== 123 || !this.open(123)) throw NOT_PLAIN;
    const k = this.key(VALUE_KEYS);
    const c = this.peek();
    let value: string | number | boolean;
    if (k === 1 && c === 34) value = this.internedString();
    else if (k === 2 && (c === 116 || c === 102)) {
      value = c === 116;
      this.word(value ? 'true' : 'false');
    } else if (k === 3 || k === 4) {
      const n = c === 34 ? decimalNumber(this.string()) : c === 45 || isDigit(c) ? this.number() : Number.NaN;
      if (!Number.isFinite(n)) throw NOT_PLAIN;
      value = n;
    } else throw NOT_PLAIN;
    if (this.more(125)) throw NOT_PLAIN;
    return value;
  }

  /** `{"code": n, "message": "…"}` (either, both or neither) as `readSpan` reads a status, into the span. */
  private status(): void {
    if (this.peek() !== 123) throw NOT_PLAIN;
    let code: StatusCodeName | null = null;
    let message: string | null = null;
    if (this.open(123)) {
      do {
        const k = this.key(STATUS_KEYS);
        const c = this.peek();
        if (k === 1 && code === null && (c === 45 || isDigit(c))) code = enumNumber(this.number(), STATUS, 'UNSET');
        else if (k === 2 && message === null && c === 34) message = this.internedString();
        else if (k === 0) this.skip();
        else throw NOT_PLAIN;
      } while (this.more(125));
    }
    this.p.code = code ?? 'UNSET';
    this.p.message = message ?? '';
  }

  /** A value checked and skipped, parsed on its own: a resource or a scope, read once per list. */
  private parsedValue(): unknown {
    this.ws();
    const from = this.i;
    this.skip();
    return JSON.parse(this.s.slice(from, this.i));
  }

  // JSON, as strictly as JSON.parse.

  private ws(): void {
    const { c } = this;
    let { i } = this;
    for (;;) {
      const d = c[i];
      if (d === 32 || d === 10 || d === 13 || d === 9) i++;
      else break;
    }
    this.i = i;
  }

  /** The next character that is not whitespace (undefined at the end, which is no character), not consumed. */
  private peek(): number {
    const { c } = this;
    let { i } = this;
    let d = c[i]!;
    // Whitespace is rare in files, so the common case is one read; `ws` is not called, as this is the hottest path.
    if (d === 32 || d === 10 || d === 13 || d === 9) {
      do d = c[++i]!;
      while (d === 32 || d === 10 || d === 13 || d === 9);
      this.i = i;
    }
    return d;
  }

  /** At `{` or `[`: consume it; false (and the close consumed) when it is empty. */
  private open(close: 123 | 91): boolean {
    this.i++;
    if (++this.depth > this.limit) throw GIVE_UP;
    if (this.peek() === close + 2) {
      this.i++;
      this.depth--;
      return false;
    }
    return true;
  }

  /** After a member or element: true at a comma (consumed), false at the close (consumed). */
  private more(close: 125 | 93): boolean {
    const c = this.peek();
    this.i++;
    if (c === 44) return true;
    if (c !== close) throw GIVE_UP;
    this.depth--;
    return false;
  }

  /** An object's key and its colon: the key's code in `names`. */
  private key(names: KeyTable): number {
    if (this.peek() !== 34) throw GIVE_UP;
    const from = this.i + 1;
    const to = this.stringEnd();
    const { c } = this;
    if (c[this.i] !== 58 && this.peek() !== 58) throw GIVE_UP;
    this.i++;
    if (this.escaped) return -1;
    const length = to - from;
    const first = c[from];
    // Code by code, the first one first: `startsWith` on the text at an offset was 40% of the read.
    next: for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      if (name.length !== length || name[0] !== first) continue;
      for (let j = 1; j < length; j++) if (c[from + j] !== name[j]) continue next;
      return k + 1;
    }
    return 0;
  }

  /** A string at `this.i`, its value. */
  private string(): string {
    const from = this.i;
    const to = this.stringEnd();
    return this.escaped ? (JSON.parse(this.s.slice(from, to + 1)) as string) : this.s.slice(from + 1, to);
  }

  /** Past a string at `this.i` (checked: no control characters, only JSON's escapes); where its closing quote is. */
  private stringEnd(): number {
    const { c } = this;
    let j = this.i + 1;
    let escaped = false;
    for (;;) {
      const d = c[j]!;
      if (d === 34) break;
      if (d === 92) {
        escaped = true;
        const e = c[j + 1];
        if (e === 117) {
          if (!isHex(c[j + 2]!) || !isHex(c[j + 3]!) || !isHex(c[j + 4]!) || !isHex(c[j + 5]!)) throw GIVE_UP;
          j += 6;
        } else if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) j += 2;
        else throw GIVE_UP;
        continue;
      }
      // Also NaN: the text ended inside the string.
      if (!(d >= 32)) throw GIVE_UP;
      j++;
    }
    this.escaped = escaped;
    this.i = j + 1;
    return j;
  }

  /** A number at `this.i` (JSON's grammar: `-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`), its value. */
  private number(): number {
    const { c, s } = this;
    const from = this.i;
    let j = from;
    if (c[j]! === 45) j++;
    const first = c[j]!;
    if (first === 48) j++;
    else if (first >= 49 && first <= 57) while (isDigit(c[++j]!));
    else throw GIVE_UP;
    if (c[j]! === 46) {
      if (!isDigit(c[++j]!)) throw GIVE_UP;
      while (isDigit(c[++j]!));
    }
    const e = c[j]!;
    if (e === 101 || e === 69) {
      const sign = c[++j]!;
      if (sign === 43 || sign === 45) j++;
      if (!isDigit(c[j]!)) throw GIVE_UP;
      while (isDigit(c[++j]!));
    }
    this.i = j;
    return Number(s.slice(from, j));
  }

  private word(w: 'true' | 'false' | 'null'): void {
    for (let j = 0; j < w.length; j++) if (this.c[this.i + j] !== w.charCodeAt(j)) throw GIVE_UP;
    this.i += w.length;
  }

  /** Any JSON value, checked and skipped; nesting past the limit gives up. */
  private skip(): void {
    const c = this.peek();
    if (c === 34) this.stringEnd();
    else if (c === 123) {
      if (this.open(123)) {
        do {
          this.key(NO_KEYS);
          this.skip();
        } while (this.more(125));
      }
    } else if (c === 91) {
      if (this.open(91)) {
        do this.skip();
        while (this.more(93));
      }
    } else if (c === 116) this.word('true');
    else if (c === 102) this.word('false');
    else if (c === 110) this.word('null');
    else if (c === 45 || isDigit(c)) this.number();
    else throw GIVE_UP;
  }
}

/**
 * Read an OTLP/JSON document's text into `out` as `readOtlpJson(JSON.parse(text), sink, from)` would into a sink,
 * nesting no deeper than `limit`; false when it gives up (see above), and then `out` may have had some spans: start
 * afresh for the plain read. `bytes`: the text's UTF-8 bytes, when the caller has them.
 */
export function readOtlpText(text: string, out: TextSpanOut, from: SpanPlace, limit: number, bytes?: Uint8Array): boolean {
  try {
    new TextReader(text, codesOf(text, bytes), out, from, limit).document();
    return true;
  } catch {
    // Whatever it was (a syntax error, a span's message, the cap), the plain reader says it in its own words.
    return false;
  }
}

/**
 * The text's UTF-16 code units as an array. When there are as many UTF-8 bytes as units, every byte is one unit (an
 * ASCII character, or a stray byte that decodes to one U+FFFD), so the bytes stand at the same offsets, and they
 * agree on every character the reader tells apart (quotes, backslashes, controls, JSON's punctuation, digits).
 */
function codesOf(text: string, bytes?: Uint8Array): Uint8Array | Uint16Array {
  if (bytes && bytes.length === text.length) return bytes;
  const encoded = bytes ? null : new TextEncoder().encode(text);
  if (encoded && encoded.length === text.length) return encoded;
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
  return units;
}
