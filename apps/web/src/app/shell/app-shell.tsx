import { Anchor, AppShell, Box, Container, Group, Stack, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router';
import { LegalFooterLinks, StorageNotice } from '../../features/legal/components/legal-footer.tsx';
import { HeaderSearch } from '../../features/search/components/header-search.tsx';
import { paths } from '../../shared/routes.ts';
import classes from './app-shell.module.css';
import { LanguageSwitch } from './language-switch.tsx';
import { SessionControls } from './session-controls.tsx';

const MAIN_ID = 'main-content';

/** Moves focus into the main content without a router navigation to `#main-content`. */
function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
  const main = document.getElementById(MAIN_ID);
  if (!main) {
    return;
  }
  event.preventDefault();
  main.focus();
  main.scrollIntoView();
}

/** The frame of every page: skip link, header with navigation and language switch, main, footer. */
export function AppLayout() {
  const { t } = useTranslation();
  return (
    <AppShell header={{ height: 64 }} padding={0} className={classes.root}>
      <a href={`#${MAIN_ID}`} className={classes.skipLink} onClick={skipToMain}>
        {t('app.skipToContent')}
      </a>
      <AppShell.Header>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="md">
            <Group gap="lg" wrap="nowrap">
              <Link to={paths.home.getHref()} className={classes.brand}>
                <img src="/favicon.svg" alt="" width={28} height={28} />
                <span className={classes.brandText}>{t('app.name')}</span>
              </Link>
              <Box component="nav" aria-label={t('app.mainNavigation')} visibleFrom="xs">
                <Anchor component={NavLink} to={paths.home.getHref()} end className={classes.navLink}>
                  {t('nav.home')}
                </Anchor>
              </Box>
            </Group>
            <Group gap="sm" wrap="nowrap" justify="flex-end" style={{ flex: 1 }}>
              <HeaderSearch />
              <LanguageSwitch />
              <SessionControls />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Main id={MAIN_ID} tabIndex={-1} className={classes.main}>
        <Outlet />
      </AppShell.Main>
      <footer className={classes.footer}>
        <Container size="lg" py="lg">
          <Stack gap="sm">
            <Group justify="space-between" gap="sm">
              <Text size="sm">{t('app.footer')}</Text>
              <Group gap="md">
                <LegalFooterLinks />
                <Group component="nav" aria-label={t('trust.footer.label')} gap="md">
                  <Anchor component={Link} to={paths.takedownNotice.getHref()} size="sm">
                    {t('trust.footer.takedown')}
                  </Anchor>
                  <Anchor component={Link} to={paths.transparency.getHref()} size="sm">
                    {t('trust.footer.transparency')}
                  </Anchor>
                </Group>
              </Group>
            </Group>
            <StorageNotice />
          </Stack>
        </Container>
      </footer>
    </AppShell>
  );
}
