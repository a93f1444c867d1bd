import { Anchor, Card, SimpleGrid, Skeleton, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { Discover, SearchHit } from '@nano/contracts';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SearchHitCard } from '../../../shared/nanos/search-hit-card.tsx';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { useDiscover } from '../api/get-discover.ts';
import classes from './discover-blocks.module.css';

const COLUMNS = { base: 1, xs: 2, md: 3, lg: 4 };
const PLACEHOLDER_CARDS = [1, 2, 3, 4];

/** The blocks after "Für dich", in the order the page shows them. */
const BLOCKS = ['featured', 'newest', 'trending', 'topRated'] as const satisfies ReadonlyArray<
  keyof Discover
>;

function Block({ title, children }: { title: string; children: ReactNode }) {
  const headingId = useId();
  return (
    <Stack component="section" aria-labelledby={headingId} gap="md">
      <Title order={2} id={headingId}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function HitGrid({ hits }: { hits: SearchHit[] }) {
  return (
    <ul className={classes.row}>
      {hits.map((hit) => (
        <li key={hit.id}>
          <SearchHitCard hit={hit} />
        </li>
      ))}
    </ul>
  );
}

function DiscoverLoading() {
  const { t } = useTranslation();
  return (
    <div aria-busy="true">
      <VisuallyHidden role="status">{t('discover.loading')}</VisuallyHidden>
      <SimpleGrid cols={COLUMNS} spacing="md" aria-hidden="true">
        {PLACEHOLDER_CARDS.map((key) => (
          <Card key={key} withBorder radius="md" padding="sm">
            <Skeleton height={120} mb="sm" />
            <Skeleton height={16} mb="xs" />
            <Skeleton height={12} width="60%" />
          </Card>
        ))}
      </SimpleGrid>
    </div>
  );
}

/**
 * The home page's discovery: "Für dich" (signed in; a hint to pick interests while there are
 * none), then "Empfohlen", "Neu", "Im Trend" and "Top bewertet"; empty blocks are left out.
 */
export function DiscoverBlocks() {
  const { t } = useTranslation();
  const discover = useDiscover();
  if (discover.isPending) {
    return <DiscoverLoading />;
  }
  if (discover.isError) {
    return (
      <ErrorAlert
        error={discover.error}
        message={t('discover.loadError')}
        onRetry={() => void discover.refetch()}
        retrying={discover.isFetching}
      />
    );
  }
  const { forYou } = discover.data;
  return (
    <Stack gap="xl">
      {forYou !== null && (
        <Block title={t('discover.forYou')}>
          {forYou.length > 0 ? (
            <HitGrid hits={forYou} />
          ) : (
            <Text>
              {t('discover.forYouEmpty')}{' '}
              <Anchor component={Link} to={paths.account.getHref()}>
                {t('discover.pickInterests')}
              </Anchor>
            </Text>
          )}
        </Block>
      )}
      {BLOCKS.filter((block) => discover.data[block].length > 0).map((block) => (
        <Block key={block} title={t(`discover.${block}`)}>
          <HitGrid hits={discover.data[block]} />
        </Block>
      ))}
    </Stack>
  );
}
