import { Anchor, Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../shared/routes.ts';

/** Any address without a page. */
export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.documentTitle'));
  return (
    <Container size="lg" py="xl">
      <Stack gap="md" align="flex-start">
        <Title order={1}>{t('notFound.title')}</Title>
        <Text maw={640}>{t('notFound.text')}</Text>
        <Anchor component={Link} to={paths.home.getHref()}>
          {t('notFound.home')}
        </Anchor>
      </Stack>
    </Container>
  );
}
