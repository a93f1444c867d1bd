import { Button, Group, Select, Stack } from '@mantine/core';
import { ROLES, type Role } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import { useUpdateUserRole } from '../api/user-actions.ts';

interface RoleControlProps {
  userId: string;
  name: string;
  role: Role;
  /** The admin looking at their own account: the server refuses changing one's own role. */
  self: boolean;
  onChanged: (role: Role) => void;
}

/**
 * The role select with a confirmation; the server's refusal (the last admin, 409) is shown in
 * the dialog. Disabled, with the reason, on the admin's own account.
 */
export function RoleControl({ userId, name, role, self, onChanged }: RoleControlProps) {
  const { t } = useTranslation();
  const update = useUpdateUserRole();
  const [picked, setPicked] = useState<Role>(role);
  const [confirming, setConfirming] = useState(false);
  const close = () => {
    update.reset();
    setConfirming(false);
  };
  return (
    <Stack gap="xs">
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <Select
          label={t('admin.user.role')}
          description={self ? t('admin.user.ownRole') : undefined}
          data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
          value={picked}
          onChange={(value) => setPicked((value as Role | null) ?? role)}
          allowDeselect={false}
          disabled={self}
          style={{ flex: 1 }}
        />
        <Button variant="default" disabled={self || picked === role} onClick={() => setConfirming(true)}>
          {t('admin.user.changeRole')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        onClose={close}
        title={t('admin.user.roleConfirmTitle')}
        text={t('admin.user.roleConfirmText', {
          name,
          from: t(`roles.${role}`),
          to: t(`roles.${picked}`),
        })}
        confirmLabel={t('admin.user.changeRole')}
        onConfirm={() =>
          update.mutate(
            { id: userId, role: picked },
            {
              onSuccess: () => {
                close();
                onChanged(picked);
              },
            },
          )
        }
        pending={update.isPending}
        error={update.error}
      />
    </Stack>
  );
}
