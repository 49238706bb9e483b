import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StringIds } from './hash.js';

describe('StringIds', () => {
  it('numbers strings densely in the order they first appear', () => {
    const ids = new StringIds();
    expect(['b', 'a', 'b', '', 'a', 'c'].map((text) => ids.idOf(text))).toEqual([0, 1, 0, 2, 1, 3]);
    expect(ids.size).toBe(4);
    expect(ids.strings).toEqual(['b', 'a', '', 'c']);
  });

  it('tells apart strings of many lengths and alphabets, across its growth', () => {
    const ids = new StringIds();
    const texts = Array.from({ length: 5000 }, (_, n) => `c${n.toString(36)}${n % 7 === 0 ? 'é' : ''}`);
    texts.forEach((text, n) => {
      expect(ids.idOf(text)).toBe(n);
    });
    // A second string object with the same characters is the same id.
    texts.forEach((text, n) => {
      expect(ids.idOf(text.split('').join(''))).toBe(n);
    });
    expect(ids.size).toBe(5000);
  });

  it('gives the same numbers as a Map of first appearances (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12, unit: 'binary' }), { maxLength: 400 }), (texts) => {
        const ids = new StringIds();
        const map = new Map<string, number>();
        for (const text of texts) {
          if (!map.has(text)) map.set(text, map.size);
          expect(ids.idOf(text)).toBe(map.get(text));
        }
        expect(ids.strings).toEqual([...map.keys()]);
      }),
    );
  });
});
