/**
 * Text from a header or a text box, made safe to show: every C0 control character and DEL written as its `\uXXXX`
 * escape, so that a NUL or an ESC in a traceparent is seen rather than silently eaten by the page.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: it matches C0 controls and DEL on purpose, to escape them
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/g;

/** `text` with each control character (U+0000–U+001F, U+007F) replaced by its escape, e.g. NUL → `\u0000`. */
export function escapeControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
