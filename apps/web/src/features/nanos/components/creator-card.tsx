import { Anchor, Badge, Group, Paper, Stack, Text, Title, type TitleOrder } from '@mantine/core';
import type { Nano } from '@nano/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatRating } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';
import { UserAvatar } from '../../../shared/ui/user-avatar.tsx';

/** Who offers the Nano: avatar, name (to the public profile), verified badge, number of Nanos, average rating. */
export function CreatorCard({
  creator,
  headingOrder,
}: {
  creator: Nano['creator'];
  headingOrder: TitleOrder;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
      <Stack gap="sm">
        <Title order={headingOrder} id={headingId} size="h4">
          {t('nano.creator.title')}
        </Title>
        <Group gap="sm" wrap="nowrap">
          <UserAvatar name={creator.displayName} url={creator.avatarUrl} size={56} />
          <Stack gap={2}>
            <Anchor component={Link} to={paths.publicProfile.getHref(creator.username)} fw={600}>
              {creator.displayName}
            </Anchor>
            {creator.verified && (
              <Badge color="teal.9" variant="filled" size="sm" tt="none">
                {t('publicProfile.verified')}
              </Badge>
            )}
          </Stack>
        </Group>
        <Text size="sm">
          {t('nano.creator.nanos', { count: creator.publishedNanos })}
          {creator.averageRating !== null &&
            ` · ${t('nano.creator.averageRating', { rating: formatRating(creator.averageRating, locale) })}`}
        </Text>
      </Stack>
    </Paper>
  );
}
