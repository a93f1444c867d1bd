import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHAT_FILTER } from '../../src/modules/chat/chat.constants.ts';
import {
  containsProfanity,
  extractLinks,
  holdReasons,
  isBlockedHost,
  normalizeForRepeat,
} from '../../src/modules/chat/chat.content-filter.ts';
import { PROFANITY_WORDS } from '../../src/modules/chat/chat.filter-words.ts';

const none = { blockedDomains: [], earlierRepeats: 0 };

describe('chat content filter', () => {
  it('finds listed words as whole words, any case, umlauts spelled either way', () => {
    expect(containsProfanity('Was für eine Scheiße')).toBe(true);
    expect(containsProfanity('SCHEISSE!')).toBe(true);
    expect(containsProfanity('so ein Scheiß-Kurs')).toBe(true);
    expect(containsProfanity('You absolute wanker.')).toBe(true);
    expect(containsProfanity('Fuck.')).toBe(true);
    // Inside longer words, or words that only look alike: not held.
    expect(containsProfanity('Die Arschbacke des Schaukelpferds')).toBe(false);
    expect(containsProfanity('Scunthorpe and Essex, class assessment')).toBe(false);
    expect(containsProfanity('Das Buch ist dick, der Idiotentest schwer.')).toBe(false);
    expect(containsProfanity('Schiff, Schießen, Scheibe')).toBe(false);
    expect(containsProfanity('')).toBe(false);
  });

  it('holds every listed word of both languages', () => {
    for (const word of [...PROFANITY_WORDS.de, ...PROFANITY_WORDS.en]) {
      expect(holdReasons(`Hallo ${word.toUpperCase()} und tschüss`, none), word).toEqual(['profanity']);
    }
    expect(PROFANITY_WORDS.de.length).toBeGreaterThanOrEqual(25);
    expect(PROFANITY_WORDS.en.length).toBeGreaterThanOrEqual(25);
  });

  it('extracts links with a scheme and bare domains with a known top-level domain', () => {
    const links = extractLinks(
      'Siehe https://www.example.com/a?b=1, dann beispiel.de/pfad und (mehr: http://Sub.Test.ORG). Mail: info@firma.de',
    );
    expect(links).toEqual([
      { text: 'https://www.example.com/a?b=1', host: 'www.example.com' },
      { text: 'beispiel.de/pfad', host: 'beispiel.de' },
      { text: 'http://Sub.Test.ORG', host: 'sub.test.org' },
    ]);
    // Ordinary text with dots is no link.
    expect(extractLinks('Die Datei bericht.pdf, z.B. Version 1.2 und usw.')).toEqual([]);
    expect(extractLinks('münchen.de ist auch eine Adresse')).toEqual([
      { text: 'münchen.de', host: 'xn--mnchen-3ya.de' },
    ]);
  });

  it('blocks a configured domain and its subdomains, not look-alikes', () => {
    expect(isBlockedHost('spam.example', ['spam.example'])).toBe(true);
    expect(isBlockedHost('www.spam.example', ['spam.example'])).toBe(true);
    expect(isBlockedHost('notspam.example', ['spam.example'])).toBe(false);
    expect(isBlockedHost('spam.example.org', ['spam.example'])).toBe(false);
    expect(
      holdReasons('Angebot: https://deals.spam.example/x', { ...none, blockedDomains: ['spam.example'] }),
    ).toEqual(['blocked_link']);
    // A blocked domain counts as a link even written bare and with an unusual top-level domain.
    expect(
      holdReasons('Schau auf shop.spam.example/deal', { ...none, blockedDomains: ['spam.example'] }),
    ).toEqual(['blocked_link']);
  });

  it(`holds more than ${CHAT_FILTER.maxLinks} links, and the ${CHAT_FILTER.repeatAllowed + 1}th identical text`, () => {
    const links = (n: number) =>
      Array.from({ length: n }, (_, i) => `https://site${i}.example.com`).join(' ');
    expect(holdReasons(links(CHAT_FILTER.maxLinks), none)).toEqual([]);
    expect(holdReasons(links(CHAT_FILTER.maxLinks + 1), none)).toEqual(['too_many_links']);

    expect(holdReasons('kauf jetzt', { ...none, earlierRepeats: CHAT_FILTER.repeatAllowed - 1 })).toEqual([]);
    expect(holdReasons('kauf jetzt', { ...none, earlierRepeats: CHAT_FILTER.repeatAllowed })).toEqual([
      'repeated',
    ]);
    expect(normalizeForRepeat('  A\n b  ')).toBe('a b');
    expect(
      holdReasons(`Scheiße ${links(4)}`, { blockedDomains: ['site1.example.com'], earlierRepeats: 0 }),
    ).toEqual(['profanity', 'blocked_link', 'too_many_links']);
  });

  it('never throws and stays fast on any text of the allowed length', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 1000 }), (text) => {
        const started = performance.now();
        const reasons = holdReasons(text, { blockedDomains: ['example.com'], earlierRepeats: 1 });
        expect(performance.now() - started).toBeLessThan(200);
        expect(new Set(reasons).size).toBe(reasons.length);
      }),
      { numRuns: 300 },
    );
    // A long run of letters and dots (the link pattern's worst case) is quick too.
    const started = performance.now();
    extractLinks(`${'a.'.repeat(500)}${'b'.repeat(500)}`);
    extractLinks('a'.repeat(1000));
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('finds every link it is given among ordinary words', () => {
    const domain = fc
      .tuple(fc.stringMatching(/^[a-z][a-z0-9]{1,10}$/), fc.constantFrom('de', 'com', 'org', 'io'))
      .map(([name, tld]) => `${name}.${tld}`);
    fc.assert(
      fc.property(fc.array(domain, { minLength: 1, maxLength: 6 }), (domains) => {
        const text = domains.map((d, i) => (i % 2 ? `https://${d}/x` : d)).join(' und ');
        expect(extractLinks(text).map((l) => l.host)).toEqual(domains);
      }),
    );
  });
});
