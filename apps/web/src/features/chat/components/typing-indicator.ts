import type { ServerEvent } from '@nano/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useRealtime, useRealtimeEvent } from '../../../shared/realtime/realtime-provider.tsx';

/** How long "… schreibt" stays after the other party's last `typing` event. */
export const TYPING_VISIBLE_MS = 5_000;
/** At most one `typing` event per this interval while the user types. */
export const TYPING_THROTTLE_MS = 3_000;

/**
 * Whether the other party is typing in this chat: true for a few seconds after each of their
 * `typing` events, and false as soon as their message arrives.
 */
export function useOtherTyping(chatId: string, otherId: string): boolean {
  const [typing, setTyping] = useState(false);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  useRealtimeEvent((event: ServerEvent) => {
    if (event.type === 'typing' && event.chatId === chatId && event.userId === otherId) {
      setTyping(true);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setTyping(false), TYPING_VISIBLE_MS);
    } else if (
      event.type === 'message.created' &&
      event.message.chatId === chatId &&
      event.message.senderId === otherId
    ) {
      window.clearTimeout(timer.current);
      setTyping(false);
    }
  });
  return typing;
}

/** Returns a function to call on every keystroke; it sends `typing` at most once per throttle interval. */
export function useTypingNotifier(chatId: string): () => void {
  const realtime = useRealtime();
  const lastSent = useRef(0);
  return useCallback(() => {
    const now = Date.now();
    if (now - lastSent.current < TYPING_THROTTLE_MS) {
      return;
    }
    if (realtime.send({ type: 'typing', chatId })) {
      lastSent.current = now;
    }
  }, [chatId, realtime]);
}
