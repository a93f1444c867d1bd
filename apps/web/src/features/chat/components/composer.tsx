import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { CHAT_LIMITS, messageLength } from '@nano/contracts';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ComposerEmojiPicker } from './composer-emoji-picker.tsx';

/** Rows of the message field: it grows with the text up to this many, then scrolls. */
const MAX_ROWS = 6;

interface ComposerProps {
  /** Called with the trimmed text; the field is emptied. */
  onSend: (text: string) => void;
  /** Called on every change of the text (the caller throttles `typing` events). */
  onTyping: () => void;
}

/**
 * The message field: grows with the text, counts characters (as the server does, after
 * trimming), Enter sends and Shift+Enter starts a new line, with a small emoji picker.
 */
export function Composer({ onSend, onTyping }: ComposerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const length = messageLength(text.trim());
  const tooLong = length > CHAT_LIMITS.messageMax;
  const canSend = length >= CHAT_LIMITS.messageMin && !tooLong;

  const submit = () => {
    if (!canSend) {
      return;
    }
    onSend(text.trim());
    setText('');
    field.current?.focus();
  };

  const change = (next: string) => {
    setText(next);
    if (next.trim()) {
      onTyping();
    }
  };

  const insert = (emoji: string) => {
    const element = field.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    change(text.slice(0, start) + emoji + text.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + emoji.length, start + emoji.length);
    });
  };

  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      submit();
    }
  };

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap={4}>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <ComposerEmojiPicker onPick={insert} />
          <Textarea
            ref={field}
            value={text}
            onChange={(event) => change(event.currentTarget.value)}
            onKeyDown={keyDown}
            aria-label={t('chat.conversation.messageLabel')}
            aria-describedby={hintId}
            placeholder={t('chat.conversation.placeholder')}
            autosize
            minRows={1}
            maxRows={MAX_ROWS}
            error={tooLong ? t('chat.conversation.tooLong', { max: CHAT_LIMITS.messageMax }) : undefined}
            style={{ flex: 1 }}
          />
          <Button type="submit" disabled={!canSend}>
            {t('chat.conversation.send')}
          </Button>
        </Group>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text id={hintId} size="xs" c="dimmed">
            {t('chat.conversation.hint')}
          </Text>
          <Text size="xs" c={tooLong ? 'red.9' : 'dimmed'} fw={tooLong ? 700 : undefined}>
            {t('chat.conversation.counter', { count: length, max: CHAT_LIMITS.messageMax })}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
