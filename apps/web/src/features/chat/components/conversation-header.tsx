import { ActionIcon, Anchor, Box, Group, Image, Indicator, Menu, Stack, Text, Title } from '@mantine/core';
import type { ChatSession } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { UserAvatar } from '../../../shared/ui/user-avatar.tsx';
import { TRANSCRIPT_FORMATS, transcriptUrl } from '../api/get-transcript.ts';

interface ConversationHeaderProps {
  chat: ChatSession;
  /** The other party is connected now (live presence). */
  online: boolean;
  /** Turns notifications of this session off or on. */
  onToggleMute: () => void;
  mutePending: boolean;
}

/** Back to the inbox, the other party (online dot, profile link), the Nano, and the session's menu. */
export function ConversationHeader({ chat, online, onToggleMute, mutePending }: ConversationHeaderProps) {
  const { t } = useTranslation();
  const { other, nano } = chat;
  const name = other.displayName;

  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      gap="sm"
      px={{ base: 'xs', sm: 'md' }}
      py="xs"
      style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
    >
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Anchor
          component={Link}
          to={paths.chats.getHref(chat.status === 'archived')}
          aria-label={t('chat.conversation.back')}
          title={t('chat.conversation.back')}
          fz="xl"
          lh={1}
          px={4}
        >
          <span aria-hidden="true">←</span>
        </Anchor>
        <Indicator
          color={online ? 'teal.7' : 'gray.5'}
          position="bottom-end"
          offset={5}
          size={12}
          withBorder
          disabled={!online}
        >
          <UserAvatar name={name} url={other.avatarUrl} size={40} />
        </Indicator>
        <Stack gap={0} style={{ minWidth: 0 }}>
          <Title order={1} fz="md" lineClamp={1}>
            {other.username ? (
              <Anchor component={Link} to={paths.publicProfile.getHref(other.username)} inherit>
                {name}
              </Anchor>
            ) : (
              name
            )}
          </Title>
          <Text size="xs" c={online ? 'teal.9' : 'dimmed'}>
            {online ? t('chat.conversation.online') : t('chat.conversation.offline')}
            {chat.muted ? ` · ${t('chat.conversation.mutedNote')}` : ''}
          </Text>
        </Stack>
      </Group>
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <Anchor
          component={Link}
          to={paths.nanoDetail.getHref(nano.id)}
          size="sm"
          aria-label={t('chat.conversation.nano', { title: nano.title })}
          title={nano.title}
          style={{ display: 'flex', alignItems: 'center', gap: 8, minWidth: 0 }}
        >
          {nano.thumbnailUrl ? (
            <Image src={nano.thumbnailUrl} alt="" w={48} h={32} radius="sm" fit="cover" />
          ) : (
            <Box w={48} h={32} bg="gray.2" style={{ borderRadius: 4, flex: 'none' }} aria-hidden="true" />
          )}
          <Text span size="sm" lineClamp={1} visibleFrom="sm" inherit maw={220}>
            {nano.title}
          </Text>
        </Anchor>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('chat.conversation.menu')}>
              <span aria-hidden="true" style={{ fontSize: 20 }}>
                ⋮
              </span>
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={onToggleMute} disabled={mutePending}>
              {chat.muted ? t('chat.conversation.unmute') : t('chat.conversation.mute')}
            </Menu.Item>
            <Menu.Divider />
            <Menu.Label>{t('chat.transcript.title')}</Menu.Label>
            {TRANSCRIPT_FORMATS.map((format) => (
              <Menu.Item key={format} component="a" href={transcriptUrl(chat.id, format)} download>
                {t(`chat.transcript.${format}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Group>
  );
}
