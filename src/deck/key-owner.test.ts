import { describe, expect, it } from 'vitest';
import { type FocusInfo, keyOwner } from './key-owner';

const clicked = (kind: FocusInfo['kind']): FocusInfo => ({ kind, byPointer: true });
const tabbed = (kind: FocusInfo['kind']): FocusInfo => ({ kind, byPointer: false });
const CLICKER = ['ArrowRight', 'ArrowLeft', 'PageDown', 'PageUp', 'n', 'p', ' '];

describe('keyOwner', () => {
  it('gives a clicker\'s keys to the deck after a pointer activation of any control but a text field', () => {
    for (const kind of ['control', 'select', 'composite', 'number'] as const) {
      for (const key of CLICKER) expect(keyOwner({ key }, clicked(kind)), `${kind} ${key}`).toBe('deck');
    }
    expect(keyOwner({ key: 'r' }, clicked('control'))).toBe('deck');
  });

  it('leaves every key a text field edits to it, but PageDown and PageUp move the deck', () => {
    for (const focus of [clicked('text'), tabbed('text')]) {
      for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'Home', 'End', ' ', 'n', 'p', 'o', 'f', '/', '.', 'r']) {
        expect(keyOwner({ key }, focus), key).toBe('control');
      }
      expect(keyOwner({ key: 'PageDown' }, focus)).toBe('deck');
      expect(keyOwner({ key: 'PageUp' }, focus)).toBe('deck');
    }
  });

  it('lets a number field keep its steps and its decimal point', () => {
    for (const key of ['ArrowUp', 'ArrowDown', '.', '7', 'Backspace']) expect(keyOwner({ key }, clicked('number')), key).toBe('control');
  });

  it('lets a keyboard-focused composite widget keep its arrows, Home, End and Enter, and nothing else of the deck\'s', () => {
    for (const key of ['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter']) {
      expect(keyOwner({ key }, tabbed('composite')), key).toBe('control');
    }
    for (const key of ['PageDown', 'PageUp', 'n', 'p', ' ', 'r', 'o']) expect(keyOwner({ key }, tabbed('composite')), key).toBe('deck');
  });

  it('lets a keyboard-focused select keep Space as well, which opens it', () => {
    for (const key of ['ArrowDown', 'Home', 'Enter', ' ']) expect(keyOwner({ key }, tabbed('select')), key).toBe('control');
    for (const key of ['PageDown', 'n']) expect(keyOwner({ key }, tabbed('select')), key).toBe('deck');
    expect(keyOwner({ key: ' ' }, clicked('select'))).toBe('deck');
  });

  it('lets a keyboard-focused button keep Enter and Space, the keys that press it', () => {
    expect(keyOwner({ key: 'Enter' }, tabbed('control'))).toBe('control');
    expect(keyOwner({ key: ' ' }, tabbed('control'))).toBe('control');
    for (const key of ['ArrowRight', 'PageDown', 'n', 'Home']) expect(keyOwner({ key }, tabbed('control')), key).toBe('deck');
  });

  it('never takes Tab, shortcuts with a modifier, or keys the deck does not use', () => {
    for (const focus of [clicked('control'), tabbed('composite'), clicked('text')]) {
      expect(keyOwner({ key: 'Tab' }, focus)).toBe('control');
      expect(keyOwner({ key: 'ArrowRight', altKey: true }, focus)).toBe('control');
      expect(keyOwner({ key: 'r', ctrlKey: true }, focus)).toBe('control');
      expect(keyOwner({ key: 'n', metaKey: true }, focus)).toBe('control');
      expect(keyOwner({ key: ']' }, focus)).toBe('control');
      expect(keyOwner({ key: '[' }, focus)).toBe('control');
    }
  });

  it('hands Escape back for the guard to release the focus', () => {
    expect(keyOwner({ key: 'Escape' }, clicked('control'))).toBe('release');
    expect(keyOwner({ key: 'Escape' }, tabbed('text'))).toBe('release');
  });
});
