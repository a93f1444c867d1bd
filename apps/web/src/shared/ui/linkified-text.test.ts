import { describe, expect, it } from 'vitest';
import { splitLinks } from './linkified-text.tsx';

describe('splitLinks', () => {
  it('finds http and https addresses and leaves sentence punctuation outside', () => {
    expect(splitLinks('Siehe https://a.example/x?y=1. Oder (http://b.example)!')).toEqual([
      { kind: 'text', text: 'Siehe ' },
      { kind: 'url', text: 'https://a.example/x?y=1', href: 'https://a.example/x?y=1' },
      { kind: 'text', text: '. Oder (' },
      { kind: 'url', text: 'http://b.example', href: 'http://b.example/' },
      { kind: 'text', text: ')!' },
    ]);
  });

  it('never turns other schemes into links', () => {
    for (const text of [
      'javascript:alert(1)',
      'data:text/html,<b>x</b>',
      'ftp://files.example',
      'www.example.org',
    ]) {
      expect(splitLinks(text)).toEqual([{ kind: 'text', text }]);
    }
  });

  it('keeps text without addresses as one piece, and an empty text as none', () => {
    expect(splitLinks('Nur Text\nzwei Zeilen')).toEqual([{ kind: 'text', text: 'Nur Text\nzwei Zeilen' }]);
    expect(splitLinks('')).toEqual([]);
  });

  it('leaves a bare scheme without host as text', () => {
    expect(splitLinks('https://')).toEqual([{ kind: 'text', text: 'https://' }]);
  });
});
