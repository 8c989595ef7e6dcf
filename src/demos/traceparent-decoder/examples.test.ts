import { describe, expect, it } from 'vitest';
import { EXAMPLES, pressedChip } from './examples';

describe('pressedChip', () => {
  const own = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
  const chips = [own, ...EXAMPLES.map(([, header]) => header)];

  it('presses only the chip whose header is in the field', () => {
    expect(pressedChip(own, chips)).toBe(0);
    expect(pressedChip(EXAMPLES[3]![1], chips)).toBe(4);
  });

  it('presses none for an edited header, an empty field, or a request not sent yet', () => {
    expect(pressedChip(`${own}x`, chips)).toBe(-1);
    expect(pressedChip('', [undefined, ...chips.slice(1)])).toBe(-1);
    expect(pressedChip(own, [undefined, ...chips.slice(1)])).toBe(-1);
  });
});
