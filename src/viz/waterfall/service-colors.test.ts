import { describe, expect, it } from 'vitest';
import { colorOrder, ERROR_COLOR, SERVICE_PALETTE, serviceColor } from './service-colors';

describe('colorOrder', () => {
  it('keeps the trace order when no services are known up front', () => {
    expect(colorOrder([], ['hub', 'buzzer'])).toEqual(['hub', 'buzzer']);
  });

  it('gives a known service the same colour whether or not its neighbours are in the trace', () => {
    const known = ['hub', 'fizzer', 'buzzer'];
    // A broken trace: hub → buzzer only. Without the known list buzzer would take fizzer's colour.
    const broken = colorOrder(known, ['hub', 'buzzer']);
    const whole = colorOrder(known, ['hub', 'fizzer', 'buzzer']);
    expect(serviceColor('buzzer', broken)).toBe(serviceColor('buzzer', whole));
    expect(serviceColor('buzzer', broken)).toBe(SERVICE_PALETTE[2]);
    expect(serviceColor('buzzer', ['hub', 'buzzer'])).toBe(SERVICE_PALETTE[1]);
  });

  it('puts services it was not told about after the known ones, in the order met', () => {
    expect(colorOrder(['web', 'taster'], ['proxy', 'web', 'cache'])).toEqual(['web', 'taster', 'proxy', 'cache']);
  });
});

describe('serviceColor', () => {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) =>
      c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
    ) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const contrast = (a: string, b: string) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };

  it('is stable by position in the model services', () => {
    const services = ['web', 'db', 'taster'];
    expect(serviceColor('web', services)).toBe(SERVICE_PALETTE[0]);
    expect(serviceColor('taster', services)).toBe(SERVICE_PALETTE[2]);
    expect(serviceColor('taster', [...services, 'cache'])).toBe(SERVICE_PALETTE[2]);
  });

  it('wraps around the palette and gives unknown services a stable colour', () => {
    const many = SERVICE_PALETTE.map((_, i) => `s${i}`).concat('extra');
    expect(serviceColor('extra', many)).toBe(SERVICE_PALETTE[0]);
    expect(serviceColor('ghost', [])).toBe(serviceColor('ghost', ['web']));
  });

  it('has distinct colours readable with white text and on the light theme', () => {
    expect(new Set(SERVICE_PALETTE).size).toBe(SERVICE_PALETTE.length);
    for (const color of [...SERVICE_PALETTE, ERROR_COLOR]) {
      expect(contrast(color, '#ffffff')).toBeGreaterThanOrEqual(4.5);
      expect(contrast(color, '#fdfdfc')).toBeGreaterThanOrEqual(4.5);
      // A new row flashes in --wf-new (waterfall.css) for 1.6 s, with its service name on it.
      expect(contrast(color, '#fff1b8')).toBeGreaterThanOrEqual(4.5);
    }
  });
});
