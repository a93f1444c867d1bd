import { describe, expect, it } from 'vitest';
import de from './de.json';
import en from './en.json';

/** Every leaf of a catalogue as [dotted key, text]; plural forms count as keys of their own. */
function leavesOf(node: unknown, prefix = ''): Array<[string, unknown]> {
  if (typeof node !== 'object' || node === null) {
    return [[prefix, node]];
  }
  return Object.entries(node).flatMap(([key, child]) => leavesOf(child, prefix ? `${prefix}.${key}` : key));
}

const keysOf = (catalogue: object) => leavesOf(catalogue).map(([key]) => key);

describe('translation catalogues', () => {
  it('have exactly the same keys in German and English', () => {
    expect(keysOf(en).sort()).toEqual(keysOf(de).sort());
  });

  it('have a non-empty text for every key', () => {
    for (const catalogue of [de, en]) {
      const blank = leavesOf(catalogue).filter(([, text]) => typeof text !== 'string' || text.trim() === '');
      expect(blank).toEqual([]);
    }
  });
});
