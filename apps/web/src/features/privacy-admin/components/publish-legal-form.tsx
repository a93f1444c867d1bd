import {
  Box,
  Button,
  Grid,
  Group,
  Paper,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import {
  type LegalDocument,
  type LegalDocumentKind,
  PRIVACY_LIMITS,
  type PublishLegalDocument,
  publishLegalDocumentSchema,
} from '@nano/contracts';
import { useId, useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { applyServerErrors } from '../../../shared/forms/apply-server-errors.ts';
import { useZodForm } from '../../../shared/forms/use-zod-form.ts';
import { MarkdownBody } from '../../legal/components/markdown-body.tsx';
import { usePublishLegalDocument } from '../api/legal-documents.ts';
import { PublishConfirmDialog } from './publish-confirm-dialog.tsx';

type FormValues = z.input<typeof publishLegalDocumentSchema>;
const LANGUAGES = ['de', 'en'] as const;
type Language = (typeof LANGUAGES)[number];
const FIELDS = ['title', 'body', 'requiresAcceptance', 'changeNote'] as const;

/** Title and Markdown body of one language, the text beside its live preview. */
function LanguageFields({
  language,
  form,
}: {
  language: Language;
  form: ReturnType<typeof useZodForm<FormValues, PublishLegalDocument>>;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const previewId = useId();
  const { errors } = form.formState;
  const body = form.watch(`body.${language}`) ?? '';
  return (
    <Stack gap="sm" component="section" aria-labelledby={headingId}>
      <Title order={4} id={headingId}>
        {t(`privacyAdmin.legal.languages.${language}`)}
      </Title>
      <TextInput
        label={t('privacyAdmin.legal.form.title', {
          language: t(`privacyAdmin.legal.languages.${language}`),
        })}
        maxLength={PRIVACY_LIMITS.legalTitleMax}
        required
        error={errors.title?.[language]?.message}
        {...form.register(`title.${language}`)}
      />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Textarea
            label={t('privacyAdmin.legal.form.body', {
              language: t(`privacyAdmin.legal.languages.${language}`),
            })}
            description={t('privacyAdmin.legal.form.bodyHint')}
            autosize
            minRows={12}
            maxRows={28}
            maxLength={PRIVACY_LIMITS.legalBodyMax}
            required
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
            error={errors.body?.[language]?.message}
            {...form.register(`body.${language}`)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap={4}>
            <Text size="sm" fw={500} id={previewId}>
              {t('privacyAdmin.legal.form.preview')}
            </Text>
            <Paper withBorder radius="sm" p="sm" role="region" aria-labelledby={previewId}>
              {/* A plain scroll box: the preview keeps the column's width (wide tables scroll inside it). */}
              <Box mah={560} style={{ overflowY: 'auto', overflowX: 'hidden' }}>
                {body.trim() ? (
                  <MarkdownBody markdown={body} />
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('privacyAdmin.legal.form.previewEmpty')}
                  </Text>
                )}
              </Box>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/**
 * "Neue Version veröffentlichen": both languages as Markdown with a live preview, whether every
 * user must accept it again (privacy and terms only) and a change note; confirmed before it goes out.
 */
export function PublishLegalForm({
  kind,
  current,
  onPublished,
}: {
  kind: LegalDocumentKind;
  /** Prefills the form; null before the first version. */
  current: LegalDocument | null;
  onPublished: (document: LegalDocument) => void;
}) {
  const { t } = useTranslation();
  const publish = usePublishLegalDocument(onPublished);
  const [pending, setPending] = useState<PublishLegalDocument | null>(null);
  const accepted = kind !== 'imprint';
  const form = useZodForm<FormValues, PublishLegalDocument>(publishLegalDocumentSchema, {
    defaultValues: {
      title: { de: current?.title.de ?? '', en: current?.title.en ?? '' },
      body: { de: current?.body.de ?? '', en: current?.body.en ?? '' },
      requiresAcceptance: false,
      changeNote: '',
    },
  });
  const { errors } = form.formState;

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) =>
        setPending({
          ...values,
          requiresAcceptance: accepted && values.requiresAcceptance,
          ...(values.changeNote ? { changeNote: values.changeNote } : { changeNote: undefined }),
        }),
      )}
    >
      <Stack gap="lg">
        {LANGUAGES.map((language) => (
          <LanguageFields key={language} language={language} form={form} />
        ))}
        {accepted && (
          <Controller
            control={form.control}
            name="requiresAcceptance"
            render={({ field }) => (
              <Switch
                label={t('privacyAdmin.legal.form.requiresAcceptance')}
                description={t('privacyAdmin.legal.form.requiresAcceptanceHint')}
                checked={field.value ?? false}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
                onBlur={field.onBlur}
              />
            )}
          />
        )}
        <Textarea
          label={t('privacyAdmin.legal.form.changeNote')}
          description={t('privacyAdmin.legal.form.changeNoteHint')}
          autosize
          minRows={2}
          maxLength={PRIVACY_LIMITS.legalChangeNoteMax}
          error={errors.changeNote?.message}
          {...form.register('changeNote')}
        />
        <Group justify="flex-end">
          <Button type="submit">{t('privacyAdmin.legal.form.submit')}</Button>
        </Group>
      </Stack>
      <PublishConfirmDialog
        opened={pending !== null}
        kind={kind}
        requiresAcceptance={pending?.requiresAcceptance ?? false}
        pending={publish.isPending}
        error={publish.error}
        onClose={() => {
          publish.reset();
          setPending(null);
        }}
        onConfirm={() => {
          if (!pending) {
            return;
          }
          publish.mutate(
            { kind, body: pending },
            {
              onSuccess: () => setPending(null),
              onError: (failure) => {
                if (applyServerErrors(form, failure, FIELDS)) {
                  setPending(null);
                }
              },
            },
          );
        }}
      />
    </form>
  );
}
