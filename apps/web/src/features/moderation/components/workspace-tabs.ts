import type { ModerationOverview, ReviewQueueType } from '@nano/contracts';
import { paths } from '../../../shared/routes.ts';

export type QueueName = ModerationOverview['queues'][number]['queue'];

/** The review queues' address names (`/moderation/pruefungen/:queue`). */
export const REVIEW_QUEUE_SLUGS = {
  new: 'neu',
  update: 'aktualisierungen',
  sampled: 'stichproben',
} as const satisfies Record<ReviewQueueType, string>;

/** The review queue of an address name, if it is one. */
export function reviewQueueTypeOf(slug: string | undefined): ReviewQueueType | undefined {
  return (Object.keys(REVIEW_QUEUE_SLUGS) as ReviewQueueType[]).find(
    (type) => REVIEW_QUEUE_SLUGS[type] === slug,
  );
}

/** The workspace's tabs in order, one per queue of `GET /moderation/overview`, each with its page. */
export const WORKSPACE_TABS: readonly { queue: QueueName; href: string }[] = [
  { queue: 'new', href: paths.moderationReviews.getHref(REVIEW_QUEUE_SLUGS.new) },
  { queue: 'update', href: paths.moderationReviews.getHref(REVIEW_QUEUE_SLUGS.update) },
  { queue: 'sampled', href: paths.moderationReviews.getHref(REVIEW_QUEUE_SLUGS.sampled) },
  { queue: 'flags', href: paths.moderationFlags.getHref() },
  { queue: 'held_messages', href: paths.moderationChat.getHref() },
  { queue: 'takedowns', href: paths.moderationTakedowns.getHref() },
  { queue: 'appeals', href: paths.moderationAppeals.getHref() },
];

/** The tab whose page is at `pathname`. */
export function activeTabOf(pathname: string): QueueName | undefined {
  const path = pathname.replace(/\/+$/, '');
  return WORKSPACE_TABS.find((tab) => tab.href === path)?.queue;
}
