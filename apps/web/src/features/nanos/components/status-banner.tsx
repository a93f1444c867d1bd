import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { Nano } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { paths } from '../../../shared/routes.ts';
import { InfoAlert } from '../../../shared/ui/info-alert.tsx';

/** For the owner of a hidden Nano: where the notice to answer and the statement of reasons are. */
function HiddenNanoLinks({ nano }: { nano: Nano }) {
  const { t } = useTranslation();
  const { data: user } = useCurrentUser();
  if (user?.username !== nano.creator.username) {
    return null;
  }
  return (
    <Group gap="md" mt="xs">
      <Anchor
        component={Link}
        to={paths.myTakedowns.getHref()}
        size="sm"
        underline="always"
        c="blue.9"
        fw={600}
      >
        {t('trust.hiddenBanner.takedowns')}
      </Anchor>
      <Anchor
        component={Link}
        to={paths.myDecisions.getHref()}
        size="sm"
        underline="always"
        c="blue.9"
        fw={600}
      >
        {t('trust.hiddenBanner.decisions')}
      </Anchor>
    </Group>
  );
}

/**
 * For owner and staff: why the public does not see this Nano (yet), or that a new version waits
 * for review while the current one stays live.
 */
export function StatusBanner({ nano }: { nano: Nano }) {
  const { t } = useTranslation();
  if (nano.status === 'hidden') {
    return (
      <InfoAlert title={t('nanoStatus.hidden')}>
        <Stack gap={4}>
          <Text size="sm">{t('nanoStatusBanner.hidden')}</Text>
          <HiddenNanoLinks nano={nano} />
        </Stack>
      </InfoAlert>
    );
  }
  if (nano.status !== 'published') {
    return (
      <InfoAlert title={t(`nanoStatus.${nano.status}`)}>{t(`nanoStatusBanner.${nano.status}`)}</InfoAlert>
    );
  }
  if (nano.pendingVersion?.status === 'pending_review') {
    return (
      <InfoAlert title={t('nanoStatusBanner.pendingVersionTitle')}>
        {t('nanoStatusBanner.pendingVersion', { semver: nano.pendingVersion.semver })}
      </InfoAlert>
    );
  }
  return null;
}
