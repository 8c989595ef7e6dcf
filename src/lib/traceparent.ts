/**
 * The one `traceparent` codec of the project (and of `traceresponse`, which has the same format). It reads a header
 * the way W3C Trace Context (level 2) says a receiver must, and says precisely what is wrong when it cannot: which
 * field, and which rule it breaks, which is what the decoder slide teaches and what `parseTraceParent` of
 * `@opentelemetry/core` (one regex) cannot say; a test checks the two agree on what is valid. Pure and total: any
 * string in, a result out. It lives in `lib/` because the simulated services write `traceresponse` with it, and
 * `sim` may import no layer above it.
 *
 *   00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01
 *   │  │                                │                └ trace-flags: 8 bits, 01 = sampled, 02 = random trace id
 *   │  │                                └ parent-id: the caller's span, 16 hex digits, not all zero
 *   │  └ trace-id: 32 hex digits, not all zero
 *   └ version: 2 hex digits; ff is forbidden; 00 is the only one defined
 */

import { escapeControlChars } from './control-chars';

export type TraceparentField = 'header' | 'version' | 'trace-id' | 'parent-id' | 'trace-flags';

interface TraceparentProblem {
  readonly field: TraceparentField;
  readonly message: string;
}

interface Traceparent {
  readonly version: string;
  readonly traceId: string;
  readonly parentId: string;
  readonly flags: string;
  readonly sampled: boolean;
  /** Level 2's random-trace-id flag (0x02). */
  readonly randomTraceId: boolean;
  /** Things worth knowing that do not make the header invalid (e.g. a future version's extra fields). */
  readonly notes: readonly string[];
}

export type TraceparentResult =
  | { readonly ok: true; readonly value: Traceparent }
  | { readonly ok: false; readonly problems: readonly TraceparentProblem[] };

const HEX_LC = /^[0-9a-f]*$/;
const MAX_SHOWN = 60;

function shown(text: string): string {
  const visible = escapeControlChars(text);
  return visible.length > MAX_SHOWN ? `${visible.slice(0, MAX_SHOWN)}…` : visible;
}

/** Check one hex field: length, lower-case hex digits, and (for ids) not all zeros. */
function checkHex(field: TraceparentField, value: string, length: number, allZeroInvalid: boolean): TraceparentProblem[] {
  const problems: TraceparentProblem[] = [];
  if (value.length !== length) {
    problems.push({ field, message: `${field} must be ${length} hex digits; "${shown(value)}" has ${value.length}.` });
  }
  if (!HEX_LC.test(value)) {
    const upper = /^[0-9a-fA-F]*$/.test(value);
    problems.push({
      field,
      message: upper
        ? `${field} must use lower-case hex digits (0-9, a-f); "${shown(value)}" has upper-case letters.`
        : `${field} must contain only hex digits (0-9, a-f); "${shown(value)}" has other characters.`,
    });
  }
  if (allZeroInvalid && value.length === length && /^0+$/.test(value)) {
    problems.push({ field, message: `${field} must not be all zeros: the specification makes that value invalid.` });
  }
  return problems;
}

export function parseTraceparent(input: string): TraceparentResult {
  // HTTP allows optional white space around a header value; a receiver trims it.
  const header = input.replace(/^[ \t]+|[ \t]+$/g, '');
  if (header === '') return { ok: false, problems: [{ field: 'header', message: 'The header is empty.' }] };
  const parts = header.split('-');
  const [version = '', traceId = '', parentId = '', flags = ''] = parts;

  const problems = checkHex('version', version, 2, false);
  if (problems.length === 0 && version === 'ff') {
    problems.push({ field: 'version', message: 'Version ff is forbidden: it can never be a valid version.' });
  }
  if (parts.length < 4) {
    problems.push({
      field: 'header',
      message: `A traceparent has four fields separated by "-" (version-traceid-parentid-flags); this has ${parts.length}.`,
    });
    return { ok: false, problems };
  }
  const notes: string[] = [];
  if (version === '00' && parts.length > 4) {
    problems.push({ field: 'header', message: `Version 00 has exactly four fields; this has ${parts.length}. Nothing may follow the flags.` });
  } else if (parts.length > 4) {
    notes.push(`Version ${version} is newer than 00: the fields after the flags are ignored, as the specification asks.`);
  }
  problems.push(...checkHex('trace-id', traceId, 32, true));
  problems.push(...checkHex('parent-id', parentId, 16, true));
  problems.push(...checkHex('trace-flags', flags, 2, false));
  if (problems.length > 0) return { ok: false, problems };

  const bits = parseInt(flags, 16);
  if (version === '00' && (bits & ~0x03) !== 0) {
    notes.push(`Flags ${flags} set bits that version 00 does not define; a receiver ignores them.`);
  }
  if (version !== '00') notes.push(`Version ${version} is not defined yet; its first four fields are read where version 00 has them, and anything after them is ignored.`);
  return {
    ok: true,
    value: { version, traceId, parentId, flags, sampled: (bits & 0x01) === 1, randomTraceId: (bits & 0x02) === 2, notes },
  };
}

/**
 * The ids and flags a header carries: the shape of OpenTelemetry's `SpanContext`, so a span's `spanContext()` can
 * be passed as it is (this module imports nothing, not even the API's types).
 */
export interface TraceparentContext {
  readonly traceId: string;
  readonly spanId: string;
  /** The 8 flag bits; 0x01 is sampled. */
  readonly traceFlags: number;
}

/**
 * The version-00 header for this context: what a caller writes as `traceparent` for its CLIENT span, and what a
 * server writes back as `traceresponse` for its SERVER span.
 */
export function formatTraceparent({ traceId, spanId, traceFlags }: TraceparentContext): string {
  return `00-${traceId}-${spanId}-${(traceFlags & 0xff).toString(16).padStart(2, '0')}`;
}
