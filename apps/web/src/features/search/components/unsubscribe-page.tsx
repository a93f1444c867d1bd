import { Anchor, Button, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { FormErrorAlert, ProblemAlert } from '../../../shared/ui/form-error-alert.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { useUnsubscribeSavedSearches } from '../api/unsubscribe-saved-searches.ts';

/** Shortest token worth sending (the contract's minimum). */
const TOKEN_MIN_LENGTH = 10;

/**
 * `/gespeicherte-suchen/abbestellen?token=…`, linked from alert e-mails; no sign-in needed.
 * Nothing happens on load (mail scanners open links): the user presses the button.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('unsubscribe.title') }));
  const token = useSearchParams()[0].get('token') ?? '';
  const unsubscribe = useUnsubscribeSavedSearches();

  const renderContent = () => {
    if (token.length < TOKEN_MIN_LENGTH) {
      return <ProblemAlert title={t('unsubscribe.missingToken')} />;
    }
    if (unsubscribe.isSuccess) {
      return (
        <SuccessAlert title={t('unsubscribe.doneTitle')}>
          <Text size="sm">{t('unsubscribe.doneText')}</Text>
        </SuccessAlert>
      );
    }
    return (
      <Stack gap="md" align="flex-start">
        <Text>{t('unsubscribe.text')}</Text>
        <FormErrorAlert error={unsubscribe.error} />
        <Button loading={unsubscribe.isPending} onClick={() => unsubscribe.mutate({ token })}>
          {t('unsubscribe.submit')}
        </Button>
      </Stack>
    );
  };

  return (
    <Container size="sm" py="xl">
      <Stack gap="lg">
        <Title order={1}>{t('unsubscribe.title')}</Title>
        {renderContent()}
        <Text size="sm">
          <Anchor component={Link} to={paths.savedSearches.getHref()}>
            {t('unsubscribe.manage')}
          </Anchor>
        </Text>
      </Stack>
    </Container>
  );
}
