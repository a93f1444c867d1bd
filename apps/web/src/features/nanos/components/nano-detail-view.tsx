import { Box, Button, Grid, Group, Image, Stack, Text, Title } from '@mantine/core';
import type { Nano, NanoVersion } from '@nano/contracts';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AddToListMenu } from '../../../shared/nanos/add-to-list-menu.tsx';
import { FavoriteButton } from '../../../shared/nanos/favorite-button.tsx';
import { NanoFactBadges, NanoLicense, NanoTopics } from '../../../shared/nanos/nano-facts.tsx';
import { downloadUrl } from '../../../shared/nanos/viewer/content-url.ts';
import { NanoViewer } from '../../../shared/nanos/viewer/nano-viewer.tsx';
import { CreatorCard } from './creator-card.tsx';
import { NanoStats } from './nano-stats.tsx';

interface NanoDetailViewProps {
  nano: Nano;
  /** 1 on the detail page; deeper where the view is a preview inside another page. */
  level: 1 | 4;
  /** The version the viewer shows (none: no file yet). */
  version: NanoVersion | null;
  /** Shown in the header next to the title (status, owner actions). */
  actions?: ReactNode;
  /** More sections under the viewer (the detail page adds ratings and comments). */
  children?: ReactNode;
}

/**
 * What everyone sees of a Nano: title, thumbnail, facts, counters, description, the viewer with
 * the file list, the creator card, licence and topics. The detail page and the wizard's preview
 * both use it.
 */
export function NanoDetailView({ nano, level, version, actions, children }: NanoDetailViewProps) {
  const { t } = useTranslation();
  const descriptionId = useId();
  const sectionOrder = (level + 1) as 2 | 5;
  return (
    <Stack gap="xl">
      <Grid gutter="xl" align="flex-start">
        <Grid.Col span={{ base: 12, sm: 5 }}>
          {nano.thumbnailUrl ? (
            <Image src={nano.thumbnailUrl} alt="" radius="md" fit="cover" style={{ aspectRatio: '16 / 9' }} />
          ) : (
            <Box bg="gray.1" style={{ aspectRatio: '16 / 9', borderRadius: 'var(--mantine-radius-md)' }} />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 7 }}>
          <Stack gap="md">
            <Title order={level} style={{ overflowWrap: 'anywhere' }}>
              {nano.title}
            </Title>
            <NanoFactBadges nano={nano} />
            <NanoStats counters={nano.counters} />
            <Group gap="sm">
              {nano.permissions.download && (
                <Button component="a" href={downloadUrl(nano.id)} download>
                  {t('nano.download')}
                </Button>
              )}
              {nano.status === 'published' && (
                <>
                  <FavoriteButton nanoId={nano.id} count={nano.counters.favorites} size="md" />
                  <AddToListMenu nanoId={nano.id} title={nano.title} />
                </>
              )}
              {actions}
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="xl">
            <Stack component="section" aria-labelledby={descriptionId} gap="xs">
              <Title order={sectionOrder} id={descriptionId}>
                {t('nano.description')}
              </Title>
              <Text style={{ whiteSpace: 'pre-line' }}>{nano.description || t('nano.noDescription')}</Text>
            </Stack>
            {version ? (
              <NanoViewer nanoId={nano.id} version={version} title={nano.title} headingOrder={sectionOrder} />
            ) : (
              <Text c="dimmed">{t('nano.noFile')}</Text>
            )}
            {children}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <CreatorCard creator={nano.creator} headingOrder={sectionOrder} />
            <NanoLicense nano={nano} headingOrder={sectionOrder} />
            <NanoTopics nano={nano} headingOrder={sectionOrder} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
