import { Button, Checkbox, List, Stack, Text, Textarea } from '@mantine/core';
import { PRIVACY_LIMITS, restrictionRequestSchema } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { SectionCard } from '../../../shared/ui/section-card.tsx';
import { useRequestRestriction } from '../api/close-account.ts';
import { leaveClosedAccount } from './account-closed.ts';
import { IdentityFields, withoutEmptyOptionals } from './identity-fields.tsx';

const CONSEQUENCES = ['frozen', 'hidden', 'noLogin', 'lift'] as const;

/** Restriction of processing (Art. 18): what it means, then password (and 2FA) to confirm. */
export function RestrictionSection() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const user = useCurrentUser().data;
  const restrict = useRequestRestriction();
  const [open, setOpen] = useState(false);
  const [understood, setUnderstood] = useState(false);
  const form = useZodForm(restrictionRequestSchema, {
    defaultValues: { password: '', twoFactorCode: '', reason: '' },
    prepare: withoutEmptyOptionals,
  });
  const { errors } = form.formState;

  return (
    <SectionCard title={t('privacy.restriction.title')} description={t('privacy.restriction.description')}>
      <List size="sm" spacing={4}>
        {CONSEQUENCES.map((key) => (
          <List.Item key={key}>{t(`privacy.restriction.consequences.${key}`)}</List.Item>
        ))}
      </List>
      {!open && (
        <Button variant="default" onClick={() => setOpen(true)} w="fit-content">
          {t('privacy.restriction.start')}
        </Button>
      )}
      {open && (
        <form
          noValidate
          aria-label={t('privacy.restriction.title')}
          onSubmit={form.handleSubmit((values) =>
            restrict.mutate(values, {
              onSuccess: () => leaveClosedAccount(navigate, { accountClosed: 'restriction' }),
              onError: (error) => applyServerErrors(form, error, ['password', 'twoFactorCode', 'reason']),
            }),
          )}
        >
          <Stack gap="md">
            <FormErrorAlert error={restrict.error} />
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
            <Checkbox
              checked={understood}
              onChange={(event) => setUnderstood(event.currentTarget.checked)}
              label={t('privacy.restriction.understood')}
            />
            <Text size="sm" c="dimmed">
              {t('privacy.restriction.signOutNote')}
            </Text>
            <Button
              type="submit"
              color="red.9"
              loading={restrict.isPending}
              disabled={!understood}
              w="fit-content"
            >
              {t('privacy.restriction.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </SectionCard>
  );
}
