import { Button } from '@mantine/core';
import type { Nano } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import type { StatusAction } from '../api/change-nano-status.ts';
import { STATUS_ACTIONS } from './use-status-actions.tsx';

interface OwnerActionsProps {
  nano: Nano;
  onAction: (action: StatusAction) => void;
  runningAction: StatusAction | undefined;
}

/** Exactly the actions `permissions` allows: edit, versions, submit, archive, restore, delete, review. */
export function OwnerActions({ nano, onAction, runningAction }: OwnerActionsProps) {
  const { t } = useTranslation();
  const { permissions } = nano;
  const privileged = permissions.edit || permissions.delete || permissions.review;
  const reviewable =
    permissions.review &&
    (nano.status === 'pending_review' || nano.pendingVersion?.status === 'pending_review');
  return (
    <>
      {permissions.edit && (
        <Button component={Link} to={paths.editNano.getHref(nano.id)} variant="default">
          {t('nanoActions.edit')}
        </Button>
      )}
      {privileged && (
        <Button component={Link} to={paths.nanoVersions.getHref(nano.id)} variant="default">
          {t('nanoActions.versions')}
        </Button>
      )}
      {reviewable && (
        <Button component={Link} to={paths.moderationReview.getHref(nano.id)} variant="default">
          {t('nanoActions.review')}
        </Button>
      )}
      {STATUS_ACTIONS.filter((action) => permissions[action]).map((action) => (
        <Button
          key={action}
          variant={action === 'submit' ? 'filled' : action === 'delete' ? 'outline' : 'default'}
          color={action === 'delete' ? 'red.9' : undefined}
          loading={runningAction === action}
          onClick={() => onAction(action)}
        >
          {t(`nanoActions.${action}`)}
        </Button>
      ))}
    </>
  );
}
