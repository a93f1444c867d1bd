import { Anchor, Group, Stack, Switch, Text } from '@mantine/core';
import { OPTIONAL_CONSENT_TYPES } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { SectionCard } from '../../../shared/ui/section-card.tsx';
import { useChangeConsent, useConsents } from '../api/consents.ts';
import { ConsentHistoryTable } from './consent-history-table.tsx';

type OptionalConsent = (typeof OPTIONAL_CONSENT_TYPES)[number];

/** One switch per optional consent; it shows the stored state and says whether saving worked. */
function ConsentSwitch({ type, given }: { type: OptionalConsent; given: boolean }) {
  const { t } = useTranslation();
  const change = useChangeConsent();
  const [result, setResult] = useState<'saved' | 'failed' | null>(null);
  const checked = change.isPending ? (change.variables?.given ?? given) : given;
  return (
    <Stack gap={4}>
      <Switch
        checked={checked}
        disabled={change.isPending}
        label={t(`privacy.consents.types.${type}`)}
        description={t(`privacy.consents.descriptions.${type}`)}
        onChange={(event) => {
          setResult(null);
          change.mutate(
            { type, given: event.currentTarget.checked },
            { onSuccess: () => setResult('saved'), onError: () => setResult('failed') },
          );
        }}
      />
      <Text size="xs" role="status" c={result === 'failed' ? 'red.9' : 'dimmed'} pl={54}>
        {result === 'saved' && t('privacy.consents.saved')}
        {result === 'failed' && t('privacy.consents.failed')}
      </Text>
    </Stack>
  );
}

/** Consents: the optional ones as switches, the accepted document versions, and the history. */
export function ConsentsSection() {
  const { t } = useTranslation();
  const consents = useConsents();

  let content = <PageLoader />;
  if (consents.isError) {
    content = (
      <ErrorAlert
        error={consents.error}
        message={t('privacy.consents.loadError')}
        onRetry={() => void consents.refetch()}
        retrying={consents.isFetching}
      />
    );
  } else if (consents.data) {
    const { current, history } = consents.data;
    content = (
      <Stack gap="md">
        {OPTIONAL_CONSENT_TYPES.map((type) => (
          <ConsentSwitch key={type} type={type} given={current[type]} />
        ))}
        <Stack gap={4}>
          <Text fw={600} size="sm">
            {t('privacy.consents.acceptedTitle')}
          </Text>
          <Group gap="lg">
            <Text size="sm">
              <Anchor component={Link} to={paths.terms.getHref()} inherit>
                {t('legal.kinds.terms')}
              </Anchor>
              {': '}
              {current.terms === null
                ? t('privacy.consents.notAccepted')
                : t('privacy.consents.acceptedVersion', { version: current.terms })}
            </Text>
            <Text size="sm">
              <Anchor component={Link} to={paths.privacy.getHref()} inherit>
                {t('legal.kinds.privacy')}
              </Anchor>
              {': '}
              {current.privacy === null
                ? t('privacy.consents.notAccepted')
                : t('privacy.consents.acceptedVersion', { version: current.privacy })}
            </Text>
          </Group>
        </Stack>
        <ConsentHistoryTable history={history} />
      </Stack>
    );
  }

  return (
    <SectionCard title={t('privacy.consents.title')} description={t('privacy.consents.description')}>
      {content}
    </SectionCard>
  );
}
