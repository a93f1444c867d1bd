import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { STORAGE_ANCHOR } from './storage-section.tsx';

/** The footer's links to privacy policy, imprint and terms (on every page). */
export function LegalFooterLinks() {
  const { t } = useTranslation();
  return (
    <Group component="nav" aria-label={t('legal.footer.label')} gap="md">
      <Anchor component={Link} to={paths.privacy.getHref()} size="sm">
        {t('legal.kinds.privacy')}
      </Anchor>
      <Anchor component={Link} to={paths.imprint.getHref()} size="sm">
        {t('legal.kinds.imprint')}
      </Anchor>
      <Anchor component={Link} to={paths.terms.getHref()} size="sm">
        {t('legal.kinds.terms')}
      </Anchor>
    </Group>
  );
}

/** The short, non-blocking storage note: only strictly necessary cookies, hence no cookie banner. */
export function StorageNotice() {
  const { t } = useTranslation();
  return (
    <Text size="sm">
      {t('legal.footer.storageNotice')}{' '}
      <Anchor component={Link} to={`${paths.privacy.getHref()}#${STORAGE_ANCHOR}`} inherit>
        {t('legal.footer.storageMore')}
      </Anchor>
    </Text>
  );
}
