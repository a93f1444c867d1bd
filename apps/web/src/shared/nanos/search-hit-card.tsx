import { Anchor, Card, Group, Stack, Text, Title, type TitleOrder, VisuallyHidden } from '@mantine/core';
import type { SearchHit } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../i18n/use-locale.ts';
import { paths } from '../routes.ts';
import { AddToListMenu } from './add-to-list-menu.tsx';
import { RatingSummary } from './counters.tsx';
import { FavoriteButton } from './favorite-button.tsx';
import { languageName } from './format.ts';
import classes from './search-hit-card.module.css';

/** A tick in a circle: the creator's identity is verified (the hidden text next to it says so). */
function VerifiedMark() {
  const { t } = useTranslation();
  return (
    <span className={classes.verified} title={t('publicProfile.verified')}>
      <svg width={14} height={14} viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="11" fill="currentColor" />
        <path
          d="M7 12.5l3.2 3.2L17 9"
          fill="none"
          stroke="white"
          strokeWidth={2.5}
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      <VisuallyHidden>{` (${t('publicProfile.verified')})`}</VisuallyHidden>
    </span>
  );
}

interface SearchHitCardProps {
  hit: SearchHit;
  /** The title's heading level: 3 under a page's section headings. */
  headingOrder?: TitleOrder;
  /** Called when the user opens the Nano from this card (the search page logs the click). */
  onOpen?: () => void;
}

/**
 * A Nano as search results and the home page's blocks show it: thumbnail, title (the link, which
 * covers the card), creator with verified mark, level, duration, language, rating and favourites.
 */
export function SearchHitCard({ hit, headingOrder = 3, onOpen }: SearchHitCardProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Card withBorder radius="md" padding="sm" className={classes.card}>
      <Card.Section>
        {hit.thumbnailUrl ? (
          <img src={hit.thumbnailUrl} alt="" loading="lazy" className={classes.thumbnail} />
        ) : (
          <div className={classes.thumbnail} />
        )}
      </Card.Section>
      <Stack gap={6} mt="sm">
        <Title order={headingOrder} size="h5" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
          <Anchor
            component={Link}
            to={paths.nanoDetail.getHref(hit.id)}
            onClick={onOpen}
            className={classes.titleLink}
          >
            {hit.title}
          </Anchor>
        </Title>
        <Text size="sm" c="dimmed">
          {hit.creator.displayName}
          {hit.creator.verified && <VerifiedMark />}
        </Text>
        <Text size="sm">
          {[
            t(`nanoLevel.${hit.level}`),
            t('nano.minutes', { count: hit.durationMinutes }),
            languageName(hit.language, locale),
          ].join(' · ')}
        </Text>
        <Group gap="md" mt="auto">
          <RatingSummary average={hit.ratingAverage} count={hit.ratingCount} size="sm" fw={600} />
          <Group gap={4} ml="auto" className={classes.actions}>
            <FavoriteButton nanoId={hit.id} count={hit.favoriteCount} size="sm" />
            <AddToListMenu nanoId={hit.id} title={hit.title} />
          </Group>
        </Group>
      </Stack>
    </Card>
  );
}
