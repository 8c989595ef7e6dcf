import { describe, expect, it } from 'vitest';
import { colorOrder, SERVICE_PALETTE, serviceColor } from './service-colors';

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
