import { Button, Loader, Menu } from '@mantine/core';
import type { NanoSummary } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNano } from '../../../shared/nanos/api/get-nano.ts';
import { paths } from '../../../shared/routes.ts';
import type { StatusAction } from '../api/change-nano-status.ts';
import { STATUS_ACTIONS } from './use-status-actions.tsx';

interface MyNanoActionsMenuProps {
  nano: NanoSummary;
  onAction: (action: StatusAction, nano: Pick<NanoSummary, 'id' | 'title'>) => void;
}

/**
 * A row's actions. The list has no permissions, so the menu loads the Nano when it opens and
 * offers exactly what the server allows now.
 */
export function MyNanoActionsMenu({ nano, onAction }: MyNanoActionsMenuProps) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const detail = useNano(nano.id, { enabled: opened });
  const permissions = detail.data?.permissions;

  return (
    <Menu opened={opened} onChange={setOpened} position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="xs" aria-label={t('myNanos.actionsFor', { title: nano.title })}>
          {t('myNanos.actions')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to={paths.nanoDetail.getHref(nano.id)}>
          {t('nanoActions.view')}
        </Menu.Item>
        <Menu.Item component={Link} to={paths.nanoVersions.getHref(nano.id)}>
          {t('nanoActions.versions')}
        </Menu.Item>
        {detail.isPending && (
          <Menu.Item disabled leftSection={<Loader size={12} aria-hidden="true" />}>
            {t('app.loading')}
          </Menu.Item>
        )}
        {permissions?.edit && (
          <Menu.Item component={Link} to={paths.editNano.getHref(nano.id)}>
            {t('nanoActions.edit')}
          </Menu.Item>
        )}
        {permissions &&
          STATUS_ACTIONS.filter((action) => permissions[action]).map((action) => (
            <Menu.Item
              key={action}
              color={action === 'delete' ? 'red.9' : undefined}
              onClick={() => onAction(action, nano)}
            >
              {t(`nanoActions.${action}`)}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}
