/**
 * What the decoder shows for any text typed or pasted as a `traceparent`: a verdict, each of the four fields with
 * its raw text and either what it means or, per field, exactly what is wrong with it (the messages come from the
 * tested parser in lib/traceparent.ts). Pure: the demo renders it with textContent.
 */
import { escapeControlChars } from '../../lib/control-chars';
import { parseTraceparent, type TraceparentField } from '../../lib/traceparent';

type FieldName = Exclude<TraceparentField, 'header'>;

const FIELDS: readonly FieldName[] = ['version', 'trace-id', 'parent-id', 'trace-flags'];

interface FieldRow {
  readonly field: FieldName;
  /** The field's text as typed, shortened for display when huge; '' when missing. */
  readonly value: string;
  readonly present: boolean;
  /** 'ok': valid and read; 'bad': the parser found problems; 'unchecked': not read, the header is malformed. */
  readonly state: 'ok' | 'bad' | 'unchecked';
  /** What the field means (ok), or its problems (bad), or why it was not read. */
  readonly lines: readonly string[];
}

export interface Decoded {
  readonly valid: boolean;
  readonly verdict: string;
  /** Problems with the header as a whole (its shape), not with one field. */
  readonly headerProblems: readonly string[];
  readonly fields: readonly FieldRow[];
  /** Things worth knowing that do not make it invalid. */
  readonly notes: readonly string[];
}

/** What the demo knows about the trace and the span a header names (from its own span store). */
export interface Known {
  /** e.g. "hub GET /fizzbuzz, 5 spans"; undefined when this trace id is not in the store. */
  trace(traceId: string): string | undefined;
  /** e.g. "hub's CLIENT span “GET /fizz”"; undefined when not (yet) in the store. */
  span(traceId: string, spanId: string): string | undefined;
}

const MAX_SHOWN = 48;

/** A field's text for display: control characters made visible, huge input cut. */
export function displayValue(text: string): string {
  const visible = escapeControlChars(text);
  return visible.length > MAX_SHOWN ? `${visible.slice(0, MAX_SHOWN)}… (${text.length} characters)` : visible;
}

export const VERDICT_VALID = 'Valid: the receiver continues this trace, its span a child of parent-id.';
export const VERDICT_INVALID = 'Invalid: the receiver must ignore this header (and tracestate) and start a new trace.';

function meaning(field: FieldName, parts: readonly string[], known: Known | undefined): string[] {
  const [version = '', traceId = '', parentId = '', flags = ''] = parts;
  switch (field) {
    case 'version':
      return version === '00'
        ? ['The format’s version: 00 is the only one defined so far.']
        : [`Version ${version} is not defined yet: a receiver parses the trace-id, parent-id and flags it knows at their version-00 places, and ignores what follows.`];
    case 'trace-id': {
      const lines = ['The whole request’s id: every span of this trace carries it.'];
      if (known) {
        const name = known.trace(traceId);
        lines.push(name ? `This demo recorded it: ${name}.` : 'No trace with this id in this demo.');
      }
      return lines;
    }
    case 'parent-id': {
      const lines = ['The caller’s span: the receiver makes it the parent of the span it starts.'];
      const span = known?.span(traceId, parentId);
      if (span) lines.push(`Here: ${span}.`);
      return lines;
    }
    case 'trace-flags': {
      const bits = parseInt(flags, 16);
      const binary = bits.toString(2).padStart(8, '0');
      return [
        `Bits ${binary.slice(0, 4)} ${binary.slice(4)}.`,
        bits & 1
          ? 'Sampled (bit 0 set): the caller may have recorded this trace; a receiver may follow that advice (a parent-based sampler does).'
          : 'Not sampled (bit 0 clear): the caller does not record this trace; the receiver usually does not either.',
        bits & 2 ? 'Random trace id (bit 1 set): at least the trace id’s rightmost 7 bytes are random.' : 'Random trace id (bit 1): not claimed.',
      ];
    }
  }
}

export function decodeTraceparent(input: string, known?: Known): Decoded {
  const result = parseTraceparent(input);
  const header = input.replace(/^[ \t]+|[ \t]+$/g, '');
  const parts = header === '' ? [] : header.split('-');
  const problemsOf = (field: TraceparentField): string[] =>
    result.ok ? [] : result.problems.filter((p) => p.field === field).map((p) => p.message);
  // The parser stops at a header with too few fields; the fields it did not read are marked so, not passed.
  const shapeBroken = !result.ok && parts.length < 4;

  const fields = FIELDS.map((field, i): FieldRow => {
    const present = i < parts.length;
    const value = present ? displayValue(parts[i]!) : '';
    const problems = problemsOf(field);
    if (!present) return { field, value, present, state: 'bad', lines: [`Missing: there is no ${field} field.`] };
    if (problems.length > 0) return { field, value, present, state: 'bad', lines: problems };
    // The version is always checked; the other fields only once the header has its four.
    if (shapeBroken && field !== 'version') {
      return { field, value, present, state: 'unchecked', lines: ['Not read: the header does not have four fields.'] };
    }
    return { field, value, present, state: 'ok', lines: result.ok ? meaning(field, parts, known) : ['Well formed.'] };
  });

  return {
    valid: result.ok,
    verdict: result.ok ? VERDICT_VALID : VERDICT_INVALID,
    headerProblems: problemsOf('header'),
    fields,
    notes: result.ok ? result.value.notes : [],
  };
}
