import { Anchor, Group, Title } from '@mantine/core';
import type { RatingWithNano } from '@nano/contracts';
import { Link } from 'react-router';
import { NanoStatusBadge } from '../../../shared/nanos/status-badge.tsx';
import { paths } from '../../../shared/routes.ts';

/** The Nano a rating belongs to, as a heading with a link (and its status unless it is live). */
export function RatedNanoHeader({ nano }: { nano: RatingWithNano['nano'] }) {
  return (
    <Group gap="sm" justify="space-between" wrap="nowrap" align="flex-start">
      <Title order={2} size="h4" style={{ overflowWrap: 'anywhere' }}>
        <Anchor component={Link} to={paths.nanoDetail.getHref(nano.id)} inherit>
          {nano.title}
        </Anchor>
      </Title>
      {nano.status !== 'published' && <NanoStatusBadge status={nano.status} />}
    </Group>
  );
}
