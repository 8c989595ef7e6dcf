/**
 * One linear pass over a trace file's UTF-8 bytes, before anything is parsed: how deep its brackets go (a file that
 * nests past the cap is refused before `JSON.parse` builds it), and, for a big OTLP/JSON file, a place to cut it in
 * two so that two workers can parse a half each (parse-worker.ts): `JSON.parse` of a 140 MB file is most of a second,
 * and the machine has a second core.
 *
 * A cut is a comma between two spans of one `spans` array. The first half is the bytes before it, closed with
 * `CLOSE_FIRST`; the second half is `cut.opening` (the keys down to that `spans` array, with the resource and the
 * scope its spans belong to) followed by the bytes after it. Read one after the other, the halves give the spans
 * the whole file gives, in the same order, so a cut is only offered where that holds: see `scanTraceBytes`.
 *
 * Brackets, quotes, commas and backslashes are ASCII, and no byte of a multi-byte UTF-8 character is below 0x80,
 * so bytes give the same answer as the decoded text, and a cut never splits a character. Pure.
 */

/** Where a file can be cut, and how its second half begins. */
export interface OtlpCut {
  /** Byte offset of the comma between the two halves. */
  readonly at: number;
  /** The span after the cut is `resourceSpans[resource].scopeSpans[scope].spans[span]`: paths in messages use it. */
  readonly resource: number;
  readonly scope: number;
  readonly span: number;
  /** The text the second half opens with, down to its first span. */
  readonly opening: string;
}

export interface ByteScan {
  /** Deepest nesting, or `limit + 1` when the scan stopped there. */
  readonly depth: number;
  /** Null when no cut was asked for, or none is safe. */
  readonly cut: OtlpCut | null;
}

/** What closes the first half: the `spans` array, its scope, `scopeSpans`, its resource, `resourceSpans`, the file. */
export const CLOSE_FIRST = ']}]}]}';

const OBJECT = 1;
const ARRAY = 2;

// The keys the OTLP path is made of, and those that must not appear again after a cut (their values would differ
// between the halves and the whole file).
const K_OTHER = 0;
const K_RESOURCE_SPANS = 1;
const K_SCOPE_SPANS = 2;
const K_LIBRARY_SPANS = 3;
const K_SPANS = 4;
const K_RESOURCE = 5;
const K_SCOPE = 6;
const K_LIBRARY = 7;

const KEY_NAMES: ReadonlyArray<readonly [number, number, string]> = [
  [1, K_RESOURCE_SPANS, 'resourceSpans'],
  [3, K_SCOPE_SPANS, 'scopeSpans'],
  [3, K_LIBRARY_SPANS, 'instrumentationLibrarySpans'],
  [3, K_RESOURCE, 'resource'],
  [5, K_SPANS, 'spans'],
  [5, K_SCOPE, 'scope'],
  [5, K_LIBRARY, 'instrumentationLibrary'],
];
const KEY_BYTES = KEY_NAMES.map(([depth, code, name]) => ({ depth, code, name, bytes: new TextEncoder().encode(name) }));

/** The code of the key `bytes[from, to)` in an object at `depth` of the OTLP path, or K_OTHER. */
function keyCode(bytes: Uint8Array, from: number, to: number, depth: number): number {
  const length = to - from;
  for (const key of KEY_BYTES) {
    if (key.depth !== depth || key.bytes.length !== length) continue;
    let same = true;
    for (let j = 0; j < length; j++) {
      if (bytes[from + j] !== key.bytes[j]) {
        same = false;
        break;
      }
    }
    if (same) return key.code;
  }
  return K_OTHER;
}

/** The first byte at or after `from` that is not JSON whitespace, or -1. */
function nextSignificant(bytes: Uint8Array, from: number): number {
  for (let j = from; j < bytes.length; j++) {
    const b = bytes[j]!;
    if (b !== 32 && b !== 10 && b !== 13 && b !== 9) return b;
  }
  return -1;
}

/**
 * Scan `bytes`: their nesting depth (stopping past `limit`), or, when `cutFrom` is given, the first safe cut at or
 * after that byte offset, and then the scan stops there (the depth is then that of the bytes before the cut): the
 * partner starts on the second half at once. A cut is safe here when the spans on both sides of it are objects (then
 * the halves are JSON exactly when the whole is), the file starts `{"resourceSpans":`, no key on the path so far was
 * written with escapes, and `resourceSpans` came once. What comes after the cut is the second half's reader's to
 * check (otlp-text-in.ts, with `readOtlpHalf`'s `fastOnly`): it gives up at a resource, scope or list key that comes
 * again after the opening, as JSON takes a repeated key's last value and the halves would not agree with the whole,
 * and at nesting past the limit; the whole file is then read in one piece.
 */
export function scanTraceBytes(bytes: Uint8Array, limit: number, cutFrom: number | null = null): ByteScan {
  const n = bytes.length;
  const kind = new Uint8Array(limit + 2);
  // The key whose value is being read, per depth (K_OTHER off the path).
  const keyAt = new Uint8Array(limit + 2);
  let depth = 0;
  let max = 0;
  // Containers 1..onPath are the root, resourceSpans, a resource's object, its scopeSpans, a scope's object, spans.
  let onPath = 0;
  let expectKey = false;
  let lastSignificant = 0;
  // Per resource (depth 3) and scope (depth 5) being read: where their objects are, and what was seen.
  let resourceIndex = 0;
  let scopeIndex = 0;
  let spanIndex = 0;
  let resourceFrom = -1;
  let resourceTo = -1;
  let scopeFrom = -1;
  let scopeTo = -1;
  let libraryFrom = -1;
  let libraryTo = -1;
  let valueFrom = -1;
  let sawScopeSpans = false;
  let rootKeys = 0;
  let safe = true;
  const noCut = (): ByteScan => ({ depth: max, cut: null });
  const text = (from: number, to: number): string => (from < 0 || to < 0 ? '' : new TextDecoder().decode(bytes.subarray(from, to)));

  let i = 0;
  while (i < n) {
    const c = bytes[i++]!;
    if (c === 34) {
      // A string, skipped in a tight loop of its own: most of a trace file's bytes are inside strings (ids, keys,
      // values), and this loop is about three times faster than one test per byte in the outer one.
      const from = i;
      let escaped = false;
      for (;;) {
        if (i >= n) return noCut();
        const d = bytes[i++]!;
        if (d === 34) break;
        if (d === 92) {
          escaped = true;
          i++;
        }
      }
      lastSignificant = 34;
      if (!expectKey) continue;
      expectKey = false;
      if (onPath !== depth || (depth !== 1 && depth !== 3 && depth !== 5)) {
        keyAt[depth] = K_OTHER;
        continue;
      }
      // A key of an object on the path.
      if (escaped) safe = false;
      const code = keyCode(bytes, from, i - 1, depth);
      keyAt[depth] = code;
      // Only a file that starts as OTLP's do is cut: anything else is read whole, and found out early.
      if (depth === 1 && cutFrom !== null && rootKeys === 0 && code !== K_RESOURCE_SPANS) return noCut();
      if (code === K_RESOURCE_SPANS && ++rootKeys > 1) safe = false;
      // A repeated key's last value is the one JSON keeps: forget the earlier value's place.
      if (code === K_SCOPE_SPANS) sawScopeSpans = true;
      else if (code === K_RESOURCE) resourceFrom = resourceTo = -1;
      else if (code === K_SCOPE) scopeFrom = scopeTo = -1;
      else if (code === K_LIBRARY) libraryFrom = libraryTo = -1;
      continue;
    }
    if (c === 123 || c === 91) {
      depth++;
      if (depth > max) {
        max = depth;
        if (max > limit) return noCut();
      }
      if (depth === 7 && onPath === 6) {
        // A span of the path's spans list: nothing in it is on the path, so until it closes only brackets and
        // strings count, in a loop of their own. Spans are nearly all of a file: a sixth less time.
        let closer = 0;
        while (depth > 6) {
          if (i >= n) return noCut();
          const b = bytes[i++]!;
          if (b === 34) {
            for (;;) {
              if (i >= n) return noCut();
              const d = bytes[i++]!;
              if (d === 34) break;
              if (d === 92) i++;
            }
          } else if (b === 123 || b === 91) {
            if (++depth > max) {
              max = depth;
              if (max > limit) return noCut();
            }
          } else if (b === 125 || b === 93) {
            depth--;
            closer = b;
          }
        }
        lastSignificant = closer;
        expectKey = false;
        continue;
      }
      const k = c === 123 ? OBJECT : ARRAY;
      if (depth === 1 && k === ARRAY && cutFrom !== null) return noCut();
      kind[depth] = k;
      keyAt[depth] = K_OTHER;
      expectKey = k === OBJECT;
      if (onPath === depth - 1) {
        const parentKey = depth === 1 ? K_OTHER : keyAt[depth - 1]!;
        const expected =
          depth === 1
            ? k === OBJECT
            : depth === 2
              ? k === ARRAY && parentKey === K_RESOURCE_SPANS
              : depth === 4
                ? k === ARRAY && (parentKey === K_SCOPE_SPANS || parentKey === K_LIBRARY_SPANS)
                : depth === 6
                  ? k === ARRAY && parentKey === K_SPANS
                  : (depth === 3 || depth === 5) && k === OBJECT;
        if (expected) {
          onPath = depth;
          if (depth === 2) resourceIndex = 0;
          else if (depth === 3) {
            resourceFrom = resourceTo = -1;
            sawScopeSpans = false;
          } else if (depth === 4) scopeIndex = 0;
          else if (depth === 5) scopeFrom = scopeTo = libraryFrom = libraryTo = -1;
          else if (depth === 6) spanIndex = 0;
        } else if (k === OBJECT && ((depth === 4 && keyAt[3] === K_RESOURCE) || (depth === 6 && (keyAt[5] === K_SCOPE || keyAt[5] === K_LIBRARY)))) {
          valueFrom = i - 1;
        }
      }
      lastSignificant = c;
      continue;
    }
    if (c === 125 || c === 93) {
      if (onPath === depth) onPath--;
      else if (onPath === depth - 1 && valueFrom >= 0) {
        // The end of a resource's or a scope's own object: the opening of a second half may need it.
        if (depth === 4) {
          resourceFrom = valueFrom;
          resourceTo = i;
        } else if (keyAt[5] === K_SCOPE) {
          scopeFrom = valueFrom;
          scopeTo = i;
        } else {
          libraryFrom = valueFrom;
          libraryTo = i;
        }
        valueFrom = -1;
      }
      depth--;
      expectKey = false;
      lastSignificant = c;
      continue;
    }
    if (c === 44) {
      if (kind[depth] === OBJECT) expectKey = true;
      else if (onPath === depth) {
        // Elements are counted by commas, not by objects: a path in a message counts every element.
        if (depth === 2) resourceIndex++;
        else if (depth === 4) scopeIndex++;
        else if (depth === 6) {
          if (cutFrom !== null && i - 1 >= cutFrom && lastSignificant === 125 && nextSignificant(bytes, i) === 123) {
            const listKey = keyAt[3]!;
            // The reader takes scopeSpans over instrumentationLibrarySpans: a cut in the latter beside the former
            // would have the second half read spans the whole file does not.
            if (!safe || (listKey === K_LIBRARY_SPANS && sawScopeSpans)) return noCut();
            const cut: OtlpCut = {
              at: i - 1,
              resource: resourceIndex,
              scope: scopeIndex,
              span: spanIndex + 1,
              opening: opening(listKey === K_LIBRARY_SPANS, text(resourceFrom, resourceTo), text(scopeFrom, scopeTo), text(libraryFrom, libraryTo)),
            };
            return { depth: max, cut };
          }
          spanIndex++;
        }
      }
      lastSignificant = c;
      continue;
    }
    if (c > 32) lastSignificant = c;
  }
  return noCut();
}

/** The text a second half opens with: the path down to its first span, with its resource and scope. */
function opening(library: boolean, resource: string, scope: string, instrumentationLibrary: string): string {
  const parts = ['{"resourceSpans":[{'];
  if (resource) parts.push(`"resource":${resource},`);
  parts.push(library ? '"instrumentationLibrarySpans":[{' : '"scopeSpans":[{');
  if (scope) parts.push(`"scope":${scope},`);
  if (instrumentationLibrary) parts.push(`"instrumentationLibrary":${instrumentationLibrary},`);
  parts.push('"spans":[');
  return parts.join('');
}
