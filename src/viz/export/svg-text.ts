/**
 * Text from spans and files made safe inside an SVG document written as a string: the five XML specials escaped,
 * and the characters XML 1.0 forbids (C0 controls but tab, newline and return; lone surrogates; U+FFFE, U+FFFF)
 * shown as their escapes or U+FFFD, so that a hostile span name is drawn as the text it is and the file still parses.
 */
import { escapeControlChars } from '../../lib/control-chars';

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g;
const SPECIAL: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** `text` for an SVG text node or attribute value. */
export function xmlText(text: string): string {
  return escapeControlChars(text).replace(LONE_SURROGATE, '\ufffd').replace(/[&<>"']/g, (c) => SPECIAL[c]!);
}

/** At most `max` characters of `text`, with an ellipsis when cut. */
export function clipText(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** The font every exported SVG names, inline: the system's own sans-serif, so no font file is needed. */
export const SVG_FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
