import { Anchor, Button, Checkbox, Container, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { PendingLegal } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDate } from '../../../shared/nanos/format.ts';
import { paths, safeNextPath } from '../../../shared/routes.ts';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useAcceptLegalDocuments } from '../api/accept-legal.ts';
import { useLegalDocument } from '../api/get-legal-document.ts';
import { useSignOut } from '../api/sign-out.ts';

const HREFS = { privacy: paths.privacy.getHref(), terms: paths.terms.getHref() } as const;
const KIND_KEYS = { privacy: 'legal.kinds.privacy', terms: 'legal.kinds.terms' } as const;

/** One document to accept: its title, date, what changed, a link to read it, and the checkbox. */
function PendingDocument({
  pending,
  checked,
  onChange,
}: {
  pending: PendingLegal;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const document = useLegalDocument(pending.kind, pending.version).data;
  const title = document?.title[locale] || t(KIND_KEYS[pending.kind]);
  const headingId = `zustimmung-${pending.kind}`;
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md">
      <Stack gap="xs">
        <Title order={2} size="h4" id={headingId}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {document
            ? t('legal.versionLine', {
                version: pending.version,
                date: formatDate(document.publishedAt, locale),
              })
            : t('legal.versionOnly', { version: pending.version })}
        </Text>
        <Text size="sm">
          <Text span fw={600} size="sm">
            {t('legal.acceptance.changes')}{' '}
          </Text>
          {document?.changeNote || t('legal.acceptance.noChangeNote')}
        </Text>
        <Anchor component={Link} to={HREFS[pending.kind]} target="_blank" rel="noopener" size="sm">
          {t('legal.acceptance.read', { title })} ({t('app.opensInNewTab')})
        </Anchor>
        <Checkbox
          mt="xs"
          checked={checked}
          onChange={(event) => onChange(event.currentTarget.checked)}
          label={t('legal.acceptance.checkbox', { title, version: pending.version })}
        />
      </Stack>
    </Paper>
  );
}

/**
 * `/zustimmung`: where the gate keeps a signed-in user while a new version of the privacy
 * policy or the terms waits for acceptance. One checkbox per document; then on to `?next=`.
 */
export function LegalAcceptancePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const next = safeNextPath(useSearchParams()[0].get('next')) ?? paths.home.getHref();
  const user = useCurrentUser().data;
  const accept = useAcceptLegalDocuments();
  const logout = useSignOut();
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  const [missing, setMissing] = useState(false);
  useDocumentTitle(t('app.documentTitle', { page: t('legal.acceptance.title') }));

  const pending = user?.pendingLegal ?? [];
  if (user && pending.length === 0 && !accept.isPending) {
    return <Navigate to={next} replace />;
  }
  const allChecked = pending.every((item) => checked[item.kind]);

  return (
    <Container size={640} py="xl">
      <Stack gap="lg">
        <Stack gap="xs">
          <Title order={1}>{t('legal.acceptance.title')}</Title>
          <Text>{t('legal.acceptance.intro')}</Text>
        </Stack>
        <form
          noValidate
          aria-label={t('legal.acceptance.title')}
          onSubmit={(event) => {
            event.preventDefault();
            if (!allChecked) {
              setMissing(true);
              return;
            }
            accept.mutate(pending, { onSuccess: () => void navigate(next, { replace: true }) });
          }}
        >
          <Stack gap="md">
            <FormErrorAlert error={accept.error} />
            {pending.map((item) => (
              <PendingDocument
                key={item.kind}
                pending={item}
                checked={checked[item.kind] ?? false}
                onChange={(value) => {
                  setChecked((current) => ({ ...current, [item.kind]: value }));
                  setMissing(false);
                }}
              />
            ))}
            {missing && (
              <Text c="red.9" size="sm" role="alert">
                {t('legal.acceptance.missing')}
              </Text>
            )}
            <Group justify="space-between">
              <Button variant="default" loading={logout.isPending} onClick={() => logout.mutate()}>
                {t('legal.acceptance.logout')}
              </Button>
              <Button type="submit" loading={accept.isPending}>
                {t('legal.acceptance.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Container>
  );
}
