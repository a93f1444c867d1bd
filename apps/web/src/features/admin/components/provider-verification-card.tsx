import { Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { ADMIN_LIMITS, type AdminUserDetail, verifyProviderRequestSchema } from '@nano/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { ConfirmDialog } from '../../../shared/ui/confirm-dialog.tsx';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useRevokeProviderVerification, useVerifyProvider } from '../api/user-actions.ts';
import { VerifiedBadge } from './user-badges.tsx';

type Verification = NonNullable<AdminUserDetail['providerVerification']>;

function GrantForm({ userId, disabled }: { userId: string; disabled: boolean }) {
  const { t } = useTranslation();
  const verify = useVerifyProvider();
  const form = useZodForm<
    z.input<typeof verifyProviderRequestSchema>,
    z.output<typeof verifyProviderRequestSchema>
  >(verifyProviderRequestSchema, { defaultValues: { registerNumber: '', note: '' } });
  const { errors } = form.formState;
  const note = form.watch('note') ?? '';
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((body) =>
        verify.mutate(
          { id: userId, body },
          {
            onSuccess: () => form.reset(),
            onError: (failure) => applyServerErrors(form, failure, ['registerNumber', 'note']),
          },
        ),
      )}
    >
      <Stack gap="sm">
        <Text size="sm">{t('admin.verification.intro')}</Text>
        <FormErrorAlert error={verify.error} />
        <TextInput
          label={t('admin.verification.registerNumber')}
          description={t('admin.verification.registerNumberHint')}
          maxLength={ADMIN_LIMITS.registerNumberMax}
          required
          disabled={disabled}
          error={errors.registerNumber?.message}
          {...form.register('registerNumber')}
        />
        <Textarea
          label={t('admin.verification.note')}
          description={t('admin.verification.noteHint', {
            count: note.length,
            max: ADMIN_LIMITS.verificationNoteMax,
          })}
          autosize
          minRows={2}
          maxLength={ADMIN_LIMITS.verificationNoteMax}
          disabled={disabled}
          error={errors.note?.message}
          {...form.register('note')}
        />
        <Group>
          <Button type="submit" loading={verify.isPending} disabled={disabled}>
            {t('admin.verification.grant')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Granted({ userId, verification }: { userId: string; verification: Verification }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const revoke = useRevokeProviderVerification();
  const [confirming, setConfirming] = useState(false);
  const close = () => {
    revoke.reset();
    setConfirming(false);
  };
  return (
    <Stack gap="sm">
      <Group gap="xs">
        <VerifiedBadge />
      </Group>
      <Stack gap={2}>
        <Text size="sm">
          <Text span fw={500}>
            {t('admin.verification.registerNumber')}:
          </Text>{' '}
          {verification.registerNumber}
        </Text>
        <Text size="sm">
          {verification.verifiedBy
            ? t('admin.verification.grantedBy', {
                date: formatDateTime(verification.verifiedAt, locale),
                by: verification.verifiedBy,
              })
            : t('admin.verification.grantedAt', { date: formatDateTime(verification.verifiedAt, locale) })}
        </Text>
        {verification.note && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            <Text span fw={500}>
              {t('admin.verification.note')}:
            </Text>{' '}
            {verification.note}
          </Text>
        )}
      </Stack>
      <Group>
        <Button variant="outline" color="red.9" onClick={() => setConfirming(true)}>
          {t('admin.verification.revoke')}
        </Button>
      </Group>
      <ConfirmDialog
        opened={confirming}
        onClose={close}
        title={t('admin.verification.revokeTitle')}
        text={t('admin.verification.revokeText')}
        confirmLabel={t('admin.verification.revoke')}
        onConfirm={() => revoke.mutate({ id: userId }, { onSuccess: close })}
        pending={revoke.isPending}
        error={revoke.error}
      />
    </Stack>
  );
}

/** The "verified provider" badge: granted after checking a register number, or revoked. */
export function ProviderVerificationCard({
  userId,
  verification,
  disabled,
}: {
  userId: string;
  verification: AdminUserDetail['providerVerification'];
  /** A deleted account cannot be verified. */
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('admin.verification.title')}
        </Title>
        {verification ? (
          <Granted userId={userId} verification={verification} />
        ) : (
          <GrantForm userId={userId} disabled={disabled} />
        )}
      </Stack>
    </Paper>
  );
}
