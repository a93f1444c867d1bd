import { Anchor, Text, type TextProps } from '@mantine/core';

/** Web addresses in running text: `http://` or `https://` up to the next space or angle bracket. */
const URL_PATTERN = /https?:\/\/[^\s<>"]+/gi;
/** Punctuation that ends a sentence rather than the address ("siehe https://example.org."). */
const TRAILING_PUNCTUATION = /[.,;:!?'")\]}»“”‘’]+$/;
const LINK_PROTOCOLS = new Set(['http:', 'https:']);

/** A piece of user text: plain text, or a web address that may become a link. */
export type TextPart = { kind: 'text'; text: string } | { kind: 'url'; text: string; href: string };

/** The address as a link target, or null unless it is a well-formed http(s) URL. */
function safeHref(candidate: string): string | null {
  try {
    const url = new URL(candidate);
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * Splits user text into plain text and web addresses. Only http and https are recognised, so
 * `javascript:` and `data:` addresses always stay text.
 */
export function splitLinks(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  const push = (part: string) => {
    if (part) {
      const previous = parts.at(-1);
      if (previous?.kind === 'text') {
        previous.text += part;
      } else {
        parts.push({ kind: 'text', text: part });
      }
    }
  };
  for (const match of text.matchAll(URL_PATTERN)) {
    const address = match[0].replace(TRAILING_PUNCTUATION, '');
    const href = safeHref(address);
    push(text.slice(last, match.index));
    if (href) {
      parts.push({ kind: 'url', text: address, href });
    } else {
      push(address);
    }
    last = match.index + address.length;
  }
  push(text.slice(last));
  return parts;
}

interface LinkifiedTextProps extends TextProps {
  text: string;
  /** Turn web addresses into links (e.g. only for verified authors); otherwise they stay plain text. */
  linkify: boolean;
}

/**
 * User-written plain text, never HTML: line breaks kept, long words wrapped. Web addresses
 * become links only when `linkify` is set; such links open in a new tab and tell search
 * engines they are user content (`nofollow ugc`) and get no access to this page (`noopener`).
 */
export function LinkifiedText({ text, linkify, ...props }: LinkifiedTextProps) {
  return (
    <Text {...props} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
      {linkify
        ? splitLinks(text).map((part, index) =>
            part.kind === 'url' ? (
              <Anchor
                // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed text never reorder.
                key={index}
                href={part.href}
                target="_blank"
                rel="noopener noreferrer nofollow ugc"
                inherit
              >
                {part.text}
              </Anchor>
            ) : (
              part.text
            ),
          )
        : text}
    </Text>
  );
}
