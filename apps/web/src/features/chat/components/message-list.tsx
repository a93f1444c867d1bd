import { Box, Button, Center, Stack, Text } from '@mantine/core';
import type { ChatMessage } from '@nano/contracts';
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { MessageBubble } from './message-bubble.tsx';
import classes from './message-list.module.css';
import { type ConversationEntry, dayLabel, groupByDay } from './message-list-model.ts';

/** Closer than this to the bottom counts as "at the bottom" (new messages scroll into view). */
const BOTTOM_SLACK_PX = 48;
/** Closer than this to the top loads older messages. */
const TOP_LOAD_PX = 120;

interface MessageListProps {
  entries: readonly ConversationEntry[];
  otherName: string;
  /** "Clara schreibt …" under the newest message. */
  typingName: string | null;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder: () => void;
  onFlag: (message: ChatMessage) => void;
  onRetry: (clientId: string) => void;
  /** Whether the newest message is in view (read receipts are sent only then). */
  onAtBottomChange: (atBottom: boolean) => void;
}

function DaySeparator({ day }: { day: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const label = dayLabel(day, locale);
  return (
    <div className={classes.separator}>
      <Text component="h2" size="xs" fw={600} className={classes.separatorLabel}>
        {label.kind === 'date' ? label.text : t(`chat.conversation.${label.kind}`)}
      </Text>
    </div>
  );
}

/**
 * The scrolling history: bubbles grouped by day under sticky date separators. Opens at the
 * bottom; scrolling to the top loads older messages without moving what is on screen; a new
 * message scrolls into view when the reader is at the bottom (or wrote it), otherwise a
 * "Neue Nachrichten" button jumps down.
 */
export function MessageList({
  entries,
  otherName,
  typingName,
  hasOlder,
  loadingOlder,
  loadOlder,
  onFlag,
  onRetry,
  onAtBottomChange,
}: MessageListProps) {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const distanceFromBottom = useRef(0);
  const edges = useRef<{ first?: string; last?: string }>({});
  const [newBelow, setNewBelow] = useState(false);

  const scrollToBottom = useCallback(() => {
    const element = scroller.current;
    if (element) {
      element.scrollTop = element.scrollHeight;
    }
    setNewBelow(false);
  }, []);

  const measure = () => {
    const element = scroller.current;
    if (!element) {
      return;
    }
    distanceFromBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight;
    const bottom = distanceFromBottom.current <= BOTTOM_SLACK_PX;
    if (bottom !== atBottom.current) {
      atBottom.current = bottom;
      onAtBottomChange(bottom);
    }
    if (bottom) {
      setNewBelow(false);
    }
  };

  const onScroll = () => {
    measure();
    if (scroller.current && scroller.current.scrollTop <= TOP_LOAD_PX && hasOlder && !loadingOlder) {
      loadOlder();
    }
  };

  // After each change of the bubbles: keep the reader's place when older ones came in on top;
  // follow new ones at the bottom (always for the reader's own).
  useLayoutEffect(() => {
    const element = scroller.current;
    const first = entries[0]?.key;
    const newest = entries.at(-1);
    const previous = edges.current;
    edges.current = { first, last: newest?.key };
    if (!element || !newest) {
      return;
    }
    if (previous.last === undefined) {
      element.scrollTop = element.scrollHeight;
      return;
    }
    if (newest.key !== previous.last) {
      if (atBottom.current || newest.own) {
        scrollToBottom();
      } else {
        setNewBelow(true);
      }
      return;
    }
    if (first !== previous.first) {
      element.scrollTop = element.scrollHeight - element.clientHeight - distanceFromBottom.current;
    } else if (atBottom.current) {
      // A bubble changed height (an error line, a review state): keep the newest in view.
      element.scrollTop = element.scrollHeight;
    }
  }, [entries, scrollToBottom]);

  // The history changes height without new bubbles (the typing line, a rotated phone, wrapped
  // text): a reader at the bottom stays there.
  useEffect(() => {
    const element = scroller.current;
    const content = element?.firstElementChild;
    if (!element || !content) {
      return;
    }
    const observer = new ResizeObserver(() => {
      if (atBottom.current) {
        element.scrollTop = element.scrollHeight;
      }
    });
    observer.observe(element);
    observer.observe(content);
    return () => observer.disconnect();
  }, []);

  return (
    <Box className={classes.frame}>
      <div
        ref={scroller}
        className={classes.scroller}
        onScroll={onScroll}
        role="log"
        aria-label={t('chat.conversation.messages')}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the history scrolls; keyboard users need to reach it.
        tabIndex={0}
      >
        {/* A short conversation sits at the bottom, next to the message field, as in any messenger. */}
        <Stack gap="xs" px={{ base: 'xs', sm: 'md' }} pb="sm" mih="100%" justify="flex-end">
          <Center pt="sm">
            {hasOlder ? (
              <Button variant="subtle" size="compact-sm" onClick={loadOlder} loading={loadingOlder}>
                {t('chat.conversation.loadOlder')}
              </Button>
            ) : (
              <Text size="xs" c="dimmed">
                {entries.length > 0 ? t('chat.conversation.start') : t('chat.conversation.empty')}
              </Text>
            )}
          </Center>
          {groupByDay(entries).map((group) => (
            <Stack key={group.day} gap={6} component="section">
              <DaySeparator day={group.day} />
              {group.entries.map((entry) => (
                <MessageBubble
                  key={entry.key}
                  entry={entry}
                  otherName={otherName}
                  onFlag={onFlag}
                  onRetry={onRetry}
                />
              ))}
            </Stack>
          ))}
          <Text size="xs" c="dimmed" fs="italic" mih={18}>
            {typingName ? t('chat.conversation.typing', { name: typingName }) : ''}
          </Text>
        </Stack>
      </div>
      {newBelow && (
        <Button className={classes.jump} size="compact-sm" radius="xl" onClick={scrollToBottom}>
          {t('chat.conversation.newMessages')}
        </Button>
      )}
    </Box>
  );
}
