import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { Rating } from '@nano/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDate } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';
import { LinkifiedText } from '../../../shared/ui/linkified-text.tsx';
import { UserAvatar } from '../../../shared/ui/user-avatar.tsx';
import { HelpfulButton } from './helpful-button.tsx';
import { ReplyBlock } from './reply-block.tsx';
import { Stars } from './stars.tsx';

/**
 * The comment as plain text; links are clickable only when its author is verified. A comment
 * the moderators hid shows only the marker, or (for its author and staff, who still get the
 * text) the text dimmed under the marker.
 */
export function CommentText({ rating }: { rating: Rating }) {
  const { t } = useTranslation();
  if (rating.commentHidden) {
    return (
      <Stack gap={2}>
        <Text size="sm" fs="italic" c="dimmed">
          {rating.comment === null ? t('ratings.item.hidden') : t('ratings.item.hiddenVisibleToYou')}
        </Text>
        {rating.comment !== null && (
          <LinkifiedText c="dimmed" text={rating.comment} linkify={rating.author.verified} />
        )}
      </Stack>
    );
  }
  return rating.comment ? <LinkifiedText text={rating.comment} linkify={rating.author.verified} /> : null;
}

interface RatingItemProps {
  rating: Rating;
  /** The viewer may mark ratings helpful (signed in; never their own). */
  canVote: boolean;
  /** The viewer is the Nano's creator: answer, change and delete the answer. */
  canReply: boolean;
  /** Above the author (the Nano it belongs to, in the lists of several Nanos). */
  header?: ReactNode;
  /** Beside the helpful button (edit and delete on "Meine Bewertungen"). */
  actions?: ReactNode;
  /** Off where every rating is the viewer's own ("Meine Bewertungen"). */
  showAuthor?: boolean;
  /** The article's accessible name; "Bewertung von {name}" by default. */
  label?: string;
}

/** One rating: who, stars, when, the comment, helpful votes, and the creator's reply. */
export function RatingItem({
  rating,
  canVote,
  canReply,
  header,
  actions,
  showAuthor = true,
  label,
}: RatingItemProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { author } = rating;
  // A rating without a comment has nothing to find helpful.
  const vote = canVote && !rating.mine && rating.comment !== null;
  const showHelpful = vote || rating.helpfulCount > 0;
  const scoreAndDate = (
    <Group gap="xs">
      <Stars score={rating.score} />
      <Text size="sm" c="dimmed" component="time" dateTime={rating.createdAt}>
        {formatDate(rating.createdAt, locale)}
      </Text>
    </Group>
  );
  return (
    <Paper
      component="article"
      withBorder
      radius="md"
      p="md"
      aria-label={label ?? t('ratings.item.label', { name: author.displayName })}
    >
      <Stack gap="sm">
        {header}
        {showAuthor ? (
          <Group gap="sm" wrap="nowrap" align="flex-start">
            <UserAvatar name={author.displayName} url={author.avatarUrl} size={40} />
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Group gap="xs">
                <Anchor component={Link} to={paths.publicProfile.getHref(author.username)} fw={600}>
                  {author.displayName}
                </Anchor>
                {rating.mine && (
                  <Badge variant="light" color="blue.9" size="sm" tt="none">
                    {t('ratings.item.mine')}
                  </Badge>
                )}
              </Group>
              {scoreAndDate}
            </Stack>
          </Group>
        ) : (
          scoreAndDate
        )}
        <CommentText rating={rating} />
        {(showHelpful || actions) && (
          <Group gap="sm">
            {showHelpful && <HelpfulButton rating={rating} canVote={vote} />}
            {actions}
          </Group>
        )}
        <ReplyBlock rating={rating} canReply={canReply} />
      </Stack>
    </Paper>
  );
}
