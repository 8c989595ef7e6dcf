/**
 * The code token colours against the code background: every one at least 4.5:1, WCAG AA for normal text. axe
 * checks the same on the slides it walks, but only where a slide has code; this keeps every colour honest.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(resolve(import.meta.dirname, 'code.css'), 'utf8');

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('code token colours', () => {
  it('each meet WCAG AA (4.5:1) on the code background', () => {
    const background = /pre\.code code\s*\{[^}]*background:\s*(#[0-9a-f]{6})/i.exec(css)?.[1];
    expect(background).toBeDefined();
    const colours = [...css.matchAll(/(?<![-\w])color:\s*(#[0-9a-f]{6})/gi)].map((m) => m[1]!);
    expect(colours.length).toBeGreaterThan(8);
    const low = colours.filter((c) => contrast(c, background!) < 4.5).map((c) => `${c}: ${contrast(c, background!).toFixed(2)}`);
    expect(low).toEqual([]);
  });

  it('colour only six-digit hex values, so the check above sees them all', () => {
    const declarations = [...css.matchAll(/(?<![-\w])color:\s*([^;]+);/g)].map((m) => m[1]!.trim());
    expect(declarations.filter((v) => !/^#[0-9a-f]{6}$/i.test(v))).toEqual([]);
  });
});
