import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { FlagDetail } from '@nano/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { NanoStatusBadge } from '../../../shared/nanos/status-badge.tsx';
import { paths } from '../../../shared/routes.ts';
import { InfoAlert } from '../../../shared/ui/info-alert.tsx';

const TEXT_STYLE = { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' } as const;

/** A chat message with the messages around it, the flagged one marked (colour, border and words). */
function Conversation({ messages }: { messages: NonNullable<FlagDetail['context']['messages']> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('moderation.flag.conversation')}
      </Text>
      <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }}>
        {messages.map((message) => (
          <Paper
            component="li"
            key={message.id}
            withBorder
            radius="sm"
            p="sm"
            bg={message.flagged ? 'var(--mantine-color-red-0)' : undefined}
            style={
              message.flagged ? { borderColor: 'var(--mantine-color-red-9)', borderWidth: 2 } : undefined
            }
            data-flagged={message.flagged || undefined}
            aria-current={message.flagged ? 'true' : undefined}
          >
            <Group gap="xs" justify="space-between">
              <Text size="sm" fw={600}>
                {message.sender}
              </Text>
              <Group gap="xs">
                {message.flagged && (
                  <Badge color="red.9" variant="filled" tt="none">
                    {t('moderation.flag.flaggedMessage')}
                  </Badge>
                )}
                <Text size="xs" c="dimmed">
                  <time dateTime={message.createdAt}>{formatDateTime(message.createdAt, locale)}</time>
                </Text>
              </Group>
            </Group>
            <Text size="sm" style={TEXT_STYLE}>
              {message.text}
            </Text>
          </Paper>
        ))}
      </Stack>
    </Stack>
  );
}

/** Who wrote the content (or whose account is flagged), with a link to the profile. */
function Owner({ detail }: { detail: FlagDetail }) {
  const { t } = useTranslation();
  const owner = detail.target.owner;
  const label = detail.target.type === 'user' ? t('moderation.flag.ownerUser') : t('moderation.flag.owner');
  return (
    <Text size="sm">
      <Text span inherit fw={500}>
        {label}:
      </Text>{' '}
      {owner ? (
        <Anchor
          component={Link}
          to={paths.publicProfile.getHref(owner.username)}
          inherit
          aria-label={t('moderation.flag.openProfile', { name: owner.displayName })}
        >
          {`${owner.displayName} (@${owner.username})`}
        </Anchor>
      ) : (
        t('moderation.flag.ownerGone')
      )}
    </Text>
  );
}

/**
 * The flagged content in context: a message in its conversation, a rating with its score and
 * its Nano, a Nano with its status and description, a user with their bio; who it belongs to.
 */
export function FlagContext({ detail }: { detail: FlagDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { target, context } = detail;
  return (
    <Stack component="section" aria-labelledby={headingId} gap="sm">
      <Title order={2} id={headingId}>
        {t('moderation.flag.contentTitle')}
      </Title>
      {!target.exists && <InfoAlert title={t('moderation.flag.gone')} />}
      <Owner detail={detail} />
      {context.rating && (
        <Group gap="xs">
          <Text size="sm" fw={500}>
            {t('moderation.flag.rating')}:
          </Text>
          <Text size="sm">{t('moderation.flag.score', { score: context.rating.score })}</Text>
          {context.rating.hidden && (
            <Badge color="orange.4" autoContrast variant="filled" tt="none">
              {t('moderation.flag.commentHidden')}
            </Badge>
          )}
        </Group>
      )}
      {context.nanoStatus && (
        <Group gap="xs">
          <Text size="sm" fw={500}>
            {t('moderation.flag.nanoStatus')}:
          </Text>
          <NanoStatusBadge status={context.nanoStatus} />
        </Group>
      )}
      {context.messages && context.messages.length > 0 ? (
        <Conversation messages={context.messages} />
      ) : (
        <Paper withBorder radius="sm" p="sm" bg="var(--mantine-color-gray-0)">
          <Text size="sm" style={TEXT_STYLE}>
            {context.text || t('moderation.flag.noText')}
          </Text>
        </Paper>
      )}
      {target.nanoId && (
        <Anchor component={Link} to={paths.nanoDetail.getHref(target.nanoId)} size="sm">
          {target.type === 'nano'
            ? t('moderation.flag.openNano', { title: target.label })
            : t('moderation.flag.openNanoShort')}
        </Anchor>
      )}
    </Stack>
  );
}
