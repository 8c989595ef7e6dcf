/**
 * Formats a value the way Node's `util.inspect` does with its defaults (`console.dir(value, { depth })`, which is
 * how the SDK's `ConsoleSpanExporter` prints each span): single-quoted strings, bare keys where they are
 * identifiers, objects nested deeper than `depth` shown as `[Object]`, and Node's "compact: 3" rule for line
 * breaks: an object or array goes on one line when it fits in 80 columns and holds at most two levels of nesting
 * (counted along its last nested entry, as Node does).
 *
 * Only what spans contain is supported: primitives, arrays and plain objects. Anything else prints as `[Type]`.
 */

const BREAK_LENGTH = 80;
const COMPACT = 3;
const IDENTIFIER = /^[A-Za-z_][A-Za-z_0-9]*$/;

/** A string literal as Node prints it: single quotes, unless the text has some and no double quotes. */
export function quote(text: string): string {
  const q = text.includes("'") ? (text.includes('"') ? (text.includes('`') ? "'" : '`') : '"') : "'";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: Node's inspect escapes control characters, so this matches them
  const escaped = text.replace(/[\\\u0000-\u001f\u007f]/g, (c) => {
    if (c === '\\') return '\\\\';
    if (c === '\n') return '\\n';
    if (c === '\t') return '\\t';
    if (c === '\r') return '\\r';
    if (c === '\b') return '\\b';
    if (c === '\f') return '\\f';
    if (c === '\v') return '\\v';
    return `\\x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
  });
  return q + (q === "'" ? escaped.replace(/'/g, "\\'") : escaped) + q;
}

function formatKey(key: string): string {
  // Node writes an own `__proto__` key as a computed one, so it cannot be read back as the prototype.
  if (key === '__proto__') return "['__proto__']";
  return IDENTIFIER.test(key) ? key : quote(key);
}

function isBelowBreakLength(output: readonly string[], start: number): boolean {
  let total = output.length + start;
  if (total + output.length > BREAK_LENGTH) return false;
  for (const entry of output) {
    total += entry.length;
    if (total > BREAK_LENGTH) return false;
  }
  return true;
}

export function inspectText(value: unknown, opts: { depth?: number } = {}): string {
  const maxDepth = opts.depth ?? 2;
  let indentation = 0;
  // The level of the last object formatted, as Node's `ctx.currentDepth`: how deep the latest nesting went.
  let currentDepth = 0;
  const seen: object[] = [];

  function formatValue(v: unknown, level: number): string {
    if (v === null) return 'null';
    if (v === undefined) return 'undefined';
    if (typeof v === 'string') return quote(v);
    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
    if (typeof v === 'bigint') return `${v}n`;
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'symbol') return v.toString();
    if (typeof v === 'function') return `[Function: ${v.name || '(anonymous)'}]`;
    const isArray = Array.isArray(v);
    const proto = Object.getPrototypeOf(v) as object | null;
    if (!isArray && proto !== Object.prototype && proto !== null) {
      const name = (proto as { constructor?: { name?: string } }).constructor?.name ?? 'Object';
      return `[${name}]`;
    }
    if (seen.includes(v)) return '[Circular *1]';
    const entries = isArray ? (v as unknown[]) : Object.keys(v);
    const prefix = !isArray && proto === null ? '[Object: null prototype] ' : '';
    const braces = isArray ? ['[', ']'] : ['{', '}'];
    // Node prints an empty object or array as itself even past the depth.
    if (entries.length === 0) return `${prefix}${braces[0]}${braces[1]}`;
    if (level > maxDepth) return isArray ? '[Array]' : '[Object]';

    currentDepth = level;
    seen.push(v);
    indentation += 2;
    const output = isArray
      ? (v as unknown[]).map((item) => formatValue(item, level + 1))
      : Object.keys(v).map((k) => `${formatKey(k)}: ${formatValue((v as Record<string, unknown>)[k], level + 1)}`);
    indentation -= 2;
    seen.pop();

    if (currentDepth - level < COMPACT) {
      const start = output.length + indentation + braces[0]!.length + prefix.length + 10;
      if (isBelowBreakLength(output, start)) {
        const joined = output.join(', ');
        if (!joined.includes('\n')) return `${prefix}${braces[0]} ${joined} ${braces[1]}`;
      }
    }
    const pad = `\n${' '.repeat(indentation)}`;
    return `${prefix}${braces[0]}${pad}  ${output.join(`,${pad}  `)}${pad}${braces[1]}`;
  }

  return formatValue(value, 0);
}
