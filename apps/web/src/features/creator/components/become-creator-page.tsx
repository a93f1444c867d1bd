import { Anchor, Button, Container, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { paths } from '../../../shared/routes.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { useFocusOnMount } from '../../../shared/ui/use-focus-on-mount.ts';
import { useBecomeCreator } from '../api/become-creator.ts';

const CAPABILITIES = [
  'creator.capabilities.publish',
  'creator.capabilities.versions',
  'creator.capabilities.replies',
  'creator.capabilities.analytics',
  'creator.capabilities.profile',
] as const;

function Upgraded({ justNow }: { justNow: boolean }) {
  const { t } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  return (
    <Stack gap="md" align="flex-start">
      <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
        {justNow ? t('creator.successTitle') : t('creator.alreadyTitle')}
      </Title>
      {justNow && <SuccessAlert title={t('creator.successText')} />}
      <Text>{t('creator.nextSteps')}</Text>
      <Anchor component={Link} to={paths.account.getHref()}>
        {t('creator.toProfile')}
      </Anchor>
    </Stack>
  );
}

/** `/creator-werden`: what creators can do, and the self-service upgrade from consumer. */
export function BecomeCreatorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('creator.title') }));
  const user = useCurrentUser().data;
  const upgrade = useBecomeCreator();
  const isConsumer = user?.role === 'consumer';

  return (
    <Container size="sm" py="xl">
      <Stack gap="lg">
        <Stack gap="xs">
          <Title order={1}>{t('creator.title')}</Title>
          <Text size="lg">{t('creator.intro')}</Text>
        </Stack>
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
          <Stack gap="md">
            <Title order={2} size="h3">
              {t('creator.capabilitiesTitle')}
            </Title>
            <List spacing="xs">
              {CAPABILITIES.map((key) => (
                <List.Item key={key}>{t(key)}</List.Item>
              ))}
            </List>
            <Text size="sm" c="dimmed">
              {t('creator.commitment')}
            </Text>
          </Stack>
        </Paper>
        {isConsumer || !user ? (
          <Stack gap="sm" align="flex-start">
            <FormErrorAlert error={upgrade.error} />
            <Button size="md" loading={upgrade.isPending} onClick={() => upgrade.mutate()}>
              {t('creator.submit')}
            </Button>
          </Stack>
        ) : (
          <Upgraded justNow={upgrade.isSuccess} />
        )}
      </Stack>
    </Container>
  );
}
