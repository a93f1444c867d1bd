import { ActionIcon, Popover, SimpleGrid, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SmileIcon } from '../../../shared/ui/icons.tsx';

/** The emoji offered by the picker: a small, common set (no dependency, no emoji database). */
export const COMPOSER_EMOJI: readonly string[] = [
  '😀 😃 😄 😁 😊 🙂 😉 😍',
  '😘 😎 🤔 😅 😂 🤣 😇 🙃',
  '😐 😕 😢 😮 😴 🥳 🤩 🙏',
  '👍 👎 👏 🙌 👋 💪 🤝 ✌️',
  '❤️ 🎉 ✅ ❌ ⭐ 🔥 💡 📚',
].flatMap((row) => row.split(' '));

interface ComposerEmojiPickerProps {
  /** Inserts the chosen emoji at the cursor. */
  onPick: (emoji: string) => void;
  disabled?: boolean;
}

/** A button that opens a small grid of emoji; picking one inserts it and closes the grid. */
export function ComposerEmojiPicker({ onPick, disabled = false }: ComposerEmojiPickerProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} position="top-start" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          aria-label={t('chat.conversation.emoji')}
          aria-expanded={opened}
          disabled={disabled}
          onClick={() => setOpened((open) => !open)}
        >
          <SmileIcon size={22} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <SimpleGrid
          cols={8}
          spacing={2}
          verticalSpacing={2}
          role="group"
          aria-label={t('chat.conversation.emoji')}
        >
          {COMPOSER_EMOJI.map((emoji) => (
            <UnstyledButton
              key={emoji}
              onClick={() => {
                onPick(emoji);
                setOpened(false);
              }}
              style={{ fontSize: 22, lineHeight: 1, padding: 4, borderRadius: 4, textAlign: 'center' }}
            >
              {emoji}
            </UnstyledButton>
          ))}
        </SimpleGrid>
      </Popover.Dropdown>
    </Popover>
  );
}
