import { Container, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { CategoryOverview } from './category-overview.tsx';
import { DiscoverBlocks } from './discover-blocks.tsx';

/** `/`: what the platform is for, the discovery blocks (for you, featured, new, trending, top rated) and the topics. */
export function HomePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('home.documentTitle'));
  return (
    <Container size="lg" py="xl">
      <Stack gap="xl">
        <Stack gap="sm">
          <Title order={1}>{t('home.title')}</Title>
          <Text size="lg" maw={760}>
            {t('home.intro')}
          </Text>
        </Stack>
        <DiscoverBlocks />
        <CategoryOverview />
      </Stack>
    </Container>
  );
}
