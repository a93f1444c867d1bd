import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { reauthenticateSchema } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useReauthenticate } from '../api/reauthenticate.ts';
import { IdentityFields, withoutEmptyOptionals } from './identity-fields.tsx';

interface ReauthModalProps {
  opened: boolean;
  onClose: () => void;
  /** The user has 2FA on: the code is asked too. */
  twoFactor: boolean;
  /** Confirmed: the caller retries what needed it. */
  onConfirmed: () => void;
}

/** "Bitte bestätigen Sie Ihr Passwort": a recent sign-in is needed for the download. */
export function ReauthModal({ opened, onClose, twoFactor, onConfirmed }: ReauthModalProps) {
  const { t } = useTranslation();
  const reauth = useReauthenticate();
  const form = useZodForm(reauthenticateSchema, {
    defaultValues: { password: '', twoFactorCode: '' },
    prepare: withoutEmptyOptionals,
  });
  const { errors } = form.formState;
  const close = () => {
    form.reset();
    reauth.reset();
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('privacy.reauth.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        aria-label={t('privacy.reauth.title')}
        onSubmit={form.handleSubmit((values) =>
          reauth.mutate(values, {
            onSuccess: () => {
              form.reset();
              onConfirmed();
            },
            onError: (error) => applyServerErrors(form, error, ['password', 'twoFactorCode']),
          }),
        )}
      >
        <Stack gap="md">
          <Text size="sm">{t('privacy.reauth.text')}</Text>
          <FormErrorAlert error={reauth.error} />
          <IdentityFields
            password={form.register('password')}
            passwordError={errors.password?.message}
            code={form.register('twoFactorCode')}
            codeError={errors.twoFactorCode?.message}
            twoFactor={twoFactor}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={reauth.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reauth.isPending}>
              {t('privacy.reauth.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
