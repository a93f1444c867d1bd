import { Anchor, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../shared/routes.ts';

/** Error boundary of a page (react-router `errorElement`), shown inside the app shell. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('routeError.documentTitle'));
  return (
    <Container size="lg" py="xl">
      <Stack gap="md" align="flex-start">
        <Title order={1}>{t('routeError.title')}</Title>
        <Text maw={640}>{t('routeError.text')}</Text>
        <Group gap="lg">
          <Button onClick={() => window.location.reload()}>{t('routeError.reload')}</Button>
          <Anchor component={Link} to={paths.home.getHref()}>
            {t('routeError.home')}
          </Anchor>
        </Group>
      </Stack>
    </Container>
  );
}

/** Error boundary of the app shell itself: the same message, standing alone in a main landmark. */
export function RootErrorPage() {
  return (
    <main>
      <RouteErrorPage />
    </main>
  );
}
