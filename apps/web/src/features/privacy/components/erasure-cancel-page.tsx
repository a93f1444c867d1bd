import { Anchor, Button, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { PRIVACY_LIMITS } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { paths } from '../../../shared/routes.ts';
import { FormErrorAlert, ProblemAlert } from '../../../shared/ui/form-error-alert.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { useCancelErasure } from '../api/cancel-erasure.ts';

/** Shortest token worth sending (the contract's minimum). */
const TOKEN_MIN_LENGTH = 16;

/** A token the server no longer accepts: expired, used, or never valid. */
function isInvalidToken(error: Error | null): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 429;
}

/**
 * `/loeschung-abbrechen?token=…`, linked from the erasure confirmation e-mail; no sign-in
 * needed. Nothing happens on load (mail scanners open links): the user presses the button.
 */
export function ErasureCancelPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('privacy.cancel.title') }));
  const token = useSearchParams()[0].get('token') ?? '';
  const cancel = useCancelErasure();

  const renderContent = () => {
    if (token.length < TOKEN_MIN_LENGTH) {
      return <ProblemAlert title={t('privacy.cancel.missingToken')} />;
    }
    if (cancel.isSuccess) {
      return (
        <SuccessAlert title={t('privacy.cancel.doneTitle')}>
          <Text size="sm">{t('privacy.cancel.doneText')}</Text>
        </SuccessAlert>
      );
    }
    if (isInvalidToken(cancel.error)) {
      return (
        <ProblemAlert title={t('privacy.cancel.expiredTitle')}>
          <Text size="sm">{t('privacy.cancel.expiredText', { days: PRIVACY_LIMITS.erasureCancelDays })}</Text>
        </ProblemAlert>
      );
    }
    return (
      <Stack gap="md" align="flex-start">
        <Text>{t('privacy.cancel.text', { days: PRIVACY_LIMITS.erasureCancelDays })}</Text>
        <FormErrorAlert error={cancel.error} />
        <Button loading={cancel.isPending} onClick={() => cancel.mutate(token)}>
          {t('privacy.cancel.submit')}
        </Button>
      </Stack>
    );
  };

  return (
    <Container size="sm" py="xl">
      <Stack gap="lg">
        <Title order={1}>{t('privacy.cancel.title')}</Title>
        {renderContent()}
        <Text size="sm">
          <Anchor component={Link} to={paths.login.getHref()}>
            {t('privacy.cancel.login')}
          </Anchor>
        </Text>
      </Stack>
    </Container>
  );
}
