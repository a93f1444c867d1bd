import { type RefObject, useEffect, useRef } from 'react';

/**
 * A ref whose element takes the focus when it appears: for the heading or first field of a
 * new step (2FA code, "check your inbox"), so that keyboard and screen-reader users land
 * there instead of on a button that is gone. Give headings `tabIndex={-1}`.
 */
export function useFocusOnMount<T extends HTMLElement>(): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return ref;
}
