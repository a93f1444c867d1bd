import { Container, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface AuthPageLayoutProps {
  /** Visible page heading; also the first part of the document title. */
  title: string;
  /** One or two sentences under the heading. */
  intro?: ReactNode;
  children: ReactNode;
  /** Links under the card ("No account yet? Register"). */
  footer?: ReactNode;
}

/** The narrow, centred card every sign-in related page uses. */
export function AuthPageLayout({ title, intro, children, footer }: AuthPageLayoutProps) {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: title }));
  return (
    <Container size={520} py="xl">
      <Stack gap="lg">
        <Stack gap="xs">
          <Title order={1} size="h2">
            {title}
          </Title>
          {intro && <Text>{intro}</Text>}
        </Stack>
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
          {children}
        </Paper>
        {footer && <Stack gap="xs">{footer}</Stack>}
      </Stack>
    </Container>
  );
}
