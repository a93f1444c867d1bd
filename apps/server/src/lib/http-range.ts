/** A single byte range resolved against a known size (inclusive end). */
export interface ResolvedRange {
  start: number;
  end: number;
}

/**
 * Parses an HTTP `Range` header (RFC 9110) for one range of a `size`-byte resource:
 * `bytes=a-b`, `bytes=a-`, `bytes=-n`. Returns undefined when there is no usable range header
 * (serve the whole body), or 'unsatisfiable' (answer 416). Multiple ranges are served whole.
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ResolvedRange | 'unsatisfiable' | undefined {
  if (!header) {
    return undefined;
  }
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) {
    return undefined;
  }
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') {
    return undefined;
  }
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) {
      return 'unsatisfiable';
    }
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size || end < start) {
    return 'unsatisfiable';
  }
  return { start, end };
}
