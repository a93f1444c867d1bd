import {
  Anchor,
  Button,
  Checkbox,
  Container,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { MODERATION_LIMITS, takedownNoticeRequestSchema } from '@nano/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { useNano } from '../../../shared/nanos/api/get-nano.ts';
import { paths } from '../../../shared/routes.ts';
import { FormErrorAlert, ProblemAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useFocusOnMount } from '../../../shared/ui/use-focus-on-mount.ts';
import { useSubmitTakedownNotice } from '../api/submit-takedown-notice.ts';
import { NanoPicker, nanoIdIn, type PickedNano } from './nano-picker.tsx';

const FIELDS = [
  'nanoId',
  'complainantName',
  'complainantEmail',
  'work',
  'originalLocation',
  'goodFaith',
  'accuracy',
] as const;

/**
 * The Nano of `?nano=` as a picked one, once loaded. One the visitor may not see (404: e.g.
 * already hidden while another notice is examined) stays picked by its id; the server decides
 * whether a notice about it is possible.
 */
function usePreselectedNano(id: string | null): PickedNano | null {
  const { t } = useTranslation();
  const nano = useNano(id ?? '', { enabled: Boolean(id) });
  if (!id) {
    return null;
  }
  if (nano.data) {
    return { id: nano.data.id, title: nano.data.title, creatorName: nano.data.creator.displayName };
  }
  const notVisible = nano.error instanceof ApiError && nano.error.status === 404 && nanoIdIn(id) === id;
  return notVisible ? { id, title: t('trust.picker.notVisibleTitle'), creatorName: null } : null;
}

function ConfirmationSent({ email }: { email: string }) {
  const { t } = useTranslation();
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  return (
    <Stack gap="sm" role="status">
      <Title order={2} size="h3" ref={headingRef} tabIndex={-1}>
        {t('trust.notice.sentTitle')}
      </Title>
      <Text>{t('trust.notice.sentText', { email, hours: MODERATION_LIMITS.takedownConfirmHours })}</Text>
      <Text size="sm" c="dimmed">
        {t('trust.notice.sentHint')}
      </Text>
    </Stack>
  );
}

/** Why the notice was refused: too many notices from this network (429, with the wait), or the server's problem. */
function SubmitError({ error }: { error: Error | null }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 429) {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 3600) / 60));
    return (
      <ProblemAlert title={error.title}>
        <Text size="sm">{t('trust.notice.rateLimited', { count: minutes })}</Text>
      </ProblemAlert>
    );
  }
  return <FormErrorAlert error={error} />;
}

/**
 * `/rechtsverletzung-melden` (public, `?nano=` preselects the Nano): the notice of a rights
 * holder that a Nano infringes their work. Sent, it waits for the complainant to confirm their
 * email address; confirmed, the Nano is hidden at once and the creator has 48 hours to answer.
 */
export function TakedownNoticePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('trust.notice.title') }));
  const [searchParams] = useSearchParams();
  const preselected = usePreselectedNano(searchParams.get('nano'));
  const [picked, setPicked] = useState<PickedNano | null>(null);
  const [dismissedPreselection, setDismissedPreselection] = useState(false);
  const pickerRef = useRef<HTMLInputElement>(null);
  const submit = useSubmitTakedownNotice();
  const form = useZodForm(takedownNoticeRequestSchema, {
    defaultValues: { nanoId: '', complainantName: '', complainantEmail: '', work: '', originalLocation: '' },
    // The picker is not a registered input: focus goes to the first field with an error by hand.
    shouldFocusError: false,
  });
  const { errors } = form.formState;
  const nano = picked ?? (dismissedPreselection ? null : preselected);
  const nanoId = nano?.id ?? '';
  const { setValue, clearErrors } = form;

  // The picker is not an input of the form: its choice goes into the form's `nanoId`.
  useEffect(() => {
    setValue('nanoId', nanoId);
    if (nanoId) {
      clearErrors('nanoId');
    }
  }, [nanoId, setValue, clearErrors]);

  const workLength = form.watch('work').trim().length;

  return (
    <Container size="sm" py="xl">
      <Stack gap="lg">
        <Stack gap="xs">
          <Title order={1}>{t('trust.notice.title')}</Title>
          <Text>{t('trust.notice.intro', { hours: MODERATION_LIMITS.takedownResponseHours })}</Text>
          <Text size="sm" c="dimmed">
            {t('trust.notice.otherProblems')}
          </Text>
        </Stack>
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'xl' }}>
          {submit.isSuccess ? (
            <ConfirmationSent email={submit.variables.complainantEmail} />
          ) : (
            <form
              noValidate
              aria-label={t('trust.notice.title')}
              onSubmit={form.handleSubmit(
                (body) => submit.mutate(body, { onError: (error) => applyServerErrors(form, error, FIELDS) }),
                (invalid) => {
                  const first = FIELDS.find((name) => invalid[name]);
                  if (first === 'nanoId') {
                    pickerRef.current?.focus();
                  } else if (first) {
                    form.setFocus(first);
                  }
                },
              )}
            >
              <Stack gap="lg">
                <SubmitError error={submit.error} />
                <NanoPicker
                  value={nano}
                  inputRef={pickerRef}
                  error={errors.nanoId ? t('trust.notice.nanoMissing') : undefined}
                  onChange={(next) => {
                    setPicked(next);
                    setDismissedPreselection(true);
                  }}
                />
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    {t('trust.notice.aboutYou')}
                  </Title>
                  <TextInput
                    label={t('trust.notice.name')}
                    autoComplete="name"
                    required
                    maxLength={200}
                    error={errors.complainantName?.message}
                    {...form.register('complainantName')}
                  />
                  <TextInput
                    label={t('trust.notice.email')}
                    description={t('trust.notice.emailHint')}
                    type="email"
                    autoComplete="email"
                    required
                    maxLength={254}
                    error={errors.complainantEmail?.message}
                    {...form.register('complainantEmail')}
                  />
                </Stack>
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    {t('trust.notice.aboutWork')}
                  </Title>
                  <Textarea
                    label={t('trust.notice.work')}
                    description={`${t('trust.notice.workHint')} ${t('trust.counter', {
                      count: workLength,
                      max: MODERATION_LIMITS.takedownTextMax,
                    })}`}
                    required
                    autosize
                    minRows={4}
                    maxRows={12}
                    error={errors.work?.message}
                    {...form.register('work')}
                  />
                  <TextInput
                    label={t('trust.notice.location')}
                    description={t('trust.notice.locationHint')}
                    required
                    maxLength={2000}
                    error={errors.originalLocation?.message}
                    {...form.register('originalLocation')}
                  />
                </Stack>
                <Stack gap="sm">
                  <Title order={2} size="h4">
                    {t('trust.notice.declarations')}
                  </Title>
                  <Checkbox
                    label={t('trust.notice.goodFaith')}
                    required
                    error={errors.goodFaith ? t('trust.notice.declarationMissing') : undefined}
                    {...form.register('goodFaith')}
                  />
                  <Checkbox
                    label={t('trust.notice.accuracy')}
                    required
                    error={errors.accuracy ? t('trust.notice.declarationMissing') : undefined}
                    {...form.register('accuracy')}
                  />
                </Stack>
                <Text size="sm" c="dimmed">
                  {t('trust.notice.privacyNote')}{' '}
                  <Anchor component={Link} to={paths.privacy.getHref()} size="sm" underline="always">
                    {t('trust.notice.privacyLink')}
                  </Anchor>
                </Text>
                <Button
                  type="submit"
                  loading={submit.isPending}
                  color="red.9"
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('trust.notice.submit')}
                </Button>
              </Stack>
            </form>
          )}
        </Paper>
      </Stack>
    </Container>
  );
}
