import { Button, type ButtonProps } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { paths } from '../../../shared/routes.ts';
import { FlagDialog, type FlagTarget } from './flag-dialog.tsx';
import { FlagIcon } from './flag-icon.tsx';

interface FlagButtonProps {
  target: FlagTarget;
  /** Read after "Melden" by screen readers where several such buttons share a page (": Bewertung von Anna"). */
  context?: string;
  size?: ButtonProps['size'];
}

/**
 * "Melden" beside content of others: opens the report dialog; guests go to the login first and
 * come back here afterwards. The caller leaves it out on the viewer's own content.
 */
export function FlagButton({ target, context, size = 'sm' }: FlagButtonProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: user, isPending } = useCurrentUser();
  const [opened, setOpened] = useState(false);
  if (isPending) {
    return null;
  }
  const label = t('trust.flag.action');
  const common = {
    variant: 'default',
    size,
    leftSection: <FlagIcon size={size === 'sm' ? 16 : 14} />,
    // The visible "Melden" starts the name, so voice control finds it (WCAG 2.5.3).
    'aria-label': context ? `${label}: ${context}` : undefined,
  } as const;
  if (!user) {
    return (
      <Button
        {...common}
        component={Link}
        to={paths.login.getHref(`${location.pathname}${location.search}`)}
        title={t('trust.flag.guestHint')}
      >
        {label}
      </Button>
    );
  }
  return (
    <>
      <Button {...common} onClick={() => setOpened(true)} aria-haspopup="dialog">
        {label}
      </Button>
      <FlagDialog target={target} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}
