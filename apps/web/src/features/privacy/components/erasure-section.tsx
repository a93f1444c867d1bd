import { Button, Group, List, Modal, Radio, Stack, Text, Textarea } from '@mantine/core';
import {
  ERASURE_NANO_CHOICES,
  type ErasureRequest,
  erasureRequestSchema,
  PRIVACY_LIMITS,
} from '@nano/contracts';
import { useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { SectionCard } from '../../../shared/ui/section-card.tsx';
import { useRequestErasure } from '../api/close-account.ts';
import { leaveClosedAccount } from './account-closed.ts';
import { ErasureConsequences } from './erasure-consequences.tsx';
import { IdentityFields, withoutEmptyOptionals } from './identity-fields.tsx';

const FIELDS = ['password', 'twoFactorCode', 'nanos', 'reason'] as const;

/**
 * Erasure (Art. 17) in three steps: what is deleted and what is kept anonymised; the choice for
 * published Nanos, an optional reason and the password (and 2FA code); then a final confirmation
 * with the 7-day cancellation. Afterwards the user is signed out and sees when it runs.
 */
export function ErasureSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser().data;
  const erase = useRequestErasure();
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState<ErasureRequest | null>(null);
  const form = useZodForm(erasureRequestSchema, {
    defaultValues: { password: '', twoFactorCode: '', reason: '', nanos: 'keep_anonymised' },
    prepare: withoutEmptyOptionals,
  });
  const { errors } = form.formState;

  const submit = () => {
    if (!confirming) {
      return;
    }
    erase.mutate(confirming, {
      onSuccess: ({ scheduledFor }) =>
        leaveClosedAccount(navigate, { accountClosed: 'erasure', scheduledFor }),
      onError: (error) => {
        if (applyServerErrors(form, error, FIELDS)) {
          setConfirming(null);
        }
      },
    });
  };

  return (
    <SectionCard title={t('privacy.erasure.title')} description={t('privacy.erasure.description')}>
      <ErasureConsequences />
      {!open && (
        <Button color="red.9" variant="outline" onClick={() => setOpen(true)} w="fit-content">
          {t('privacy.erasure.start')}
        </Button>
      )}
      {open && (
        <form
          noValidate
          aria-label={t('privacy.erasure.formLabel')}
          onSubmit={form.handleSubmit((values) => {
            erase.reset();
            setConfirming(values);
          })}
        >
          <Stack gap="md">
            <Controller
              control={form.control}
              name="nanos"
              render={({ field }) => (
                <Radio.Group
                  label={t('privacy.erasure.nanosLabel')}
                  description={t('privacy.erasure.nanosHint')}
                  value={field.value}
                  onChange={field.onChange}
                  error={errors.nanos?.message}
                >
                  <Stack gap="xs" mt="xs">
                    {ERASURE_NANO_CHOICES.map((choice) => (
                      <Radio
                        key={choice}
                        value={choice}
                        label={t(`privacy.erasure.nanos.${choice}`)}
                        description={t(`privacy.erasure.nanosDescriptions.${choice}`)}
                      />
                    ))}
                  </Stack>
                </Radio.Group>
              )}
            />
            <Textarea
              label={t('privacy.fields.reason')}
              description={t('privacy.fields.reasonHint', { max: PRIVACY_LIMITS.reasonMax })}
              maxLength={PRIVACY_LIMITS.reasonMax}
              autosize
              minRows={2}
              error={errors.reason?.message}
              {...form.register('reason')}
            />
            <IdentityFields
              password={form.register('password')}
              passwordError={errors.password?.message}
              code={form.register('twoFactorCode')}
              codeError={errors.twoFactorCode?.message}
              twoFactor={user?.twoFactorEnabled ?? false}
            />
            <Group>
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" color="red.9">
                {t('privacy.erasure.continue')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      <Modal
        opened={confirming !== null}
        onClose={() => setConfirming(null)}
        title={t('privacy.erasure.confirmTitle')}
        centered
        closeButtonProps={{ 'aria-label': t('common.close'), disabled: erase.isPending }}
      >
        <Stack gap="md">
          <Text>{t('privacy.erasure.confirmText')}</Text>
          <List size="sm" spacing={4}>
            <List.Item>{t('privacy.erasure.confirmNow')}</List.Item>
            <List.Item>
              {t('privacy.erasure.confirmCancel', { days: PRIVACY_LIMITS.erasureCancelDays })}
            </List.Item>
            <List.Item>
              {t('privacy.erasure.confirmNanos', {
                choice: confirming ? t(`privacy.erasure.nanos.${confirming.nanos}`) : '',
              })}
            </List.Item>
          </List>
          <FormErrorAlert error={erase.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(null)} disabled={erase.isPending}>
              {t('common.cancel')}
            </Button>
            <Button color="red.9" loading={erase.isPending} onClick={submit}>
              {t('privacy.erasure.confirmSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </SectionCard>
  );
}
