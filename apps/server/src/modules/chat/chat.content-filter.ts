import type { HoldReason } from '@nano/contracts';
import { CHAT_FILTER } from './chat.constants.ts';
import { LINK_TLDS, PROFANITY_WORDS } from './chat.filter-words.ts';

/** A link found in a message. */
export interface FoundLink {
  /** As written, without trailing punctuation. */
  text: string;
  /** The lower-case host name (punycode for international domains). */
  host: string;
}

/** What the filter knows besides the text. */
export interface ContentFilterContext {
  /** Lower-case domains from the configuration; their subdomains are blocked too. */
  blockedDomains: readonly string[];
  /**
   * How often the sender already sent this text (as {@link normalizeForRepeat} compares it) within
   * {@link CHAT_FILTER.repeatWindowMs}, in any session.
   */
  earlierRepeats: number;
}

const SPELLED_OUT: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** Lower case, NFC, umlauts and ß spelled out: the form words are compared in. */
function fold(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('de')
    .replace(/[äöüß]/g, (c) => SPELLED_OUT[c] ?? c);
}

const PROFANITY = new Set([...PROFANITY_WORDS.de, ...PROFANITY_WORDS.en].map(fold));
const TLDS = new Set(LINK_TLDS);

/** Letters (with their combining marks) make words; anything else separates them. */
const WORD = /[\p{L}\p{M}]+/gu;

/** Whether the text contains a listed word as a whole word (not inside a longer one). */
export function containsProfanity(text: string): boolean {
  for (const match of fold(text).matchAll(WORD)) {
    if (PROFANITY.has(match[0])) {
      return true;
    }
  }
  return false;
}

/** `http(s)://…` up to white space, or a bare `host.tld/path` (a word boundary before it). */
const LINK =
  /\bhttps?:\/\/[^\s<>"']+|(?<![\p{L}\p{N}@.\-_/])(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[a-z]{2,63}\b(?:[/?#][^\s<>"']*)?/giu;
/** Punctuation that ends a sentence rather than the address. */
const TRAILING = /[.,;:!?)\]}'"»“”’]+$/u;

function hostOf(candidate: string): string | undefined {
  try {
    const url = new URL(/^https?:\/\//i.test(candidate) ? candidate : `http://${candidate}`);
    return url.hostname.toLowerCase().replace(/\.$/, '') || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The links of a message as the web app renders them: addresses with `http://` or `https://`,
 * and bare domains with a well-known top-level domain (`example.com/pfad`) or within one of
 * `alsoDomains` (the blocked ones, whatever their top-level domain). Email addresses are not links.
 */
export function extractLinks(text: string, alsoDomains: readonly string[] = []): FoundLink[] {
  const links: FoundLink[] = [];
  for (const match of text.matchAll(LINK)) {
    const written = match[0].replace(TRAILING, '');
    const scheme = /^https?:\/\//i.test(written);
    const host = hostOf(written);
    if (!host) {
      continue;
    }
    const tld = host.split('.').at(-1) ?? '';
    if (scheme || TLDS.has(tld) || isBlockedHost(host, alsoDomains)) {
      links.push({ text: written, host });
    }
  }
  return links;
}

/** Whether `host` is a blocked domain or one of its subdomains. */
export function isBlockedHost(host: string, blockedDomains: readonly string[]): boolean {
  return blockedDomains.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

/** The form two texts are compared in for "the same message again": case and spacing ignored. */
export function normalizeForRepeat(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('de').replace(/\s+/g, ' ').trim();
}

/**
 * Why a message should be held for review, or an empty list when it may be delivered: listed
 * words, a link to a blocked domain, more than {@link CHAT_FILTER.maxLinks} links, or the same
 * text more than {@link CHAT_FILTER.repeatAllowed} times within the repeat window.
 */
export function holdReasons(text: string, context: ContentFilterContext): HoldReason[] {
  const reasons: HoldReason[] = [];
  if (containsProfanity(text)) {
    reasons.push('profanity');
  }
  const links = extractLinks(text, context.blockedDomains);
  if (links.some((link) => isBlockedHost(link.host, context.blockedDomains))) {
    reasons.push('blocked_link');
  }
  if (links.length > CHAT_FILTER.maxLinks) {
    reasons.push('too_many_links');
  }
  if (context.earlierRepeats >= CHAT_FILTER.repeatAllowed) {
    reasons.push('repeated');
  }
  return reasons;
}
