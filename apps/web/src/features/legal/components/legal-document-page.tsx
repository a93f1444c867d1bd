import { Container, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { LegalDocumentKind } from '@nano/contracts';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDate } from '../../../shared/nanos/format.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { InfoAlert } from '../../../shared/ui/info-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { useLegalDocument, useLegalVersions } from '../api/get-legal-document.ts';
import { MarkdownBody } from './markdown-body.tsx';
import { StorageSection } from './storage-section.tsx';

const TITLE_KEYS = {
  privacy: 'legal.kinds.privacy',
  terms: 'legal.kinds.terms',
  imprint: 'legal.kinds.imprint',
} as const satisfies Record<LegalDocumentKind, string>;

/** `?version=7` → 7; anything else → the current version. */
function versionParam(value: string | null): number | undefined {
  return value && /^[1-9]\d{0,8}$/.test(value) ? Number(value) : undefined;
}

/** The version picker: every published version with its date; choosing one puts `?version=` into the address. */
function VersionSelect({ kind, version }: { kind: LegalDocumentKind; version: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [, setSearchParams] = useSearchParams();
  const versions = useLegalVersions(kind);
  const items = versions.data?.items ?? [];
  if (items.length < 2) {
    return null;
  }
  const newest = Math.max(...items.map((item) => item.version));
  return (
    <NativeSelect
      label={t('legal.versionSelect')}
      value={String(version)}
      onChange={(event) => {
        const chosen = Number(event.currentTarget.value);
        setSearchParams(chosen === newest ? {} : { version: String(chosen) }, { replace: true });
      }}
      data={items.map((item) => ({
        value: String(item.version),
        label: t('legal.versionOption', {
          version: item.version,
          date: formatDate(item.publishedAt, locale),
          current: item.version === newest ? t('legal.currentSuffix') : '',
        }),
      }))}
      maw={320}
    />
  );
}

/**
 * `/datenschutz`, `/nutzungsbedingungen`, `/impressum`: the current version of a legal document
 * in the interface language (`?version=` shows an older one), with its version and date and the
 * version history. The privacy policy ends with the cookie and storage notice (`#speicher`).
 */
export function LegalDocumentPage({ kind }: { kind: LegalDocumentKind }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const requested = versionParam(useSearchParams()[0].get('version'));
  const document = useLegalDocument(kind, requested);
  const data = document.data;
  const title = data?.title[locale] || t(TITLE_KEYS[kind]);
  useDocumentTitle(t('app.documentTitle', { page: title }));
  const { hash } = useLocation();
  const loaded = document.isSuccess;
  // The router does not scroll to `#speicher`; once the text above it is in place, do so here.
  useEffect(() => {
    const target = loaded && hash.length > 1 ? window.document.getElementById(hash.slice(1)) : null;
    target?.scrollIntoView?.();
  }, [hash, loaded]);

  let content: ReactNode = null;
  if (document.isPending) {
    content = <PageLoader />;
  } else if (document.isError) {
    content = (
      <ErrorAlert
        error={document.error}
        message={t('legal.loadError')}
        onRetry={() => void document.refetch()}
        retrying={document.isFetching}
      />
    );
  } else if (data) {
    content = (
      <>
        <Group justify="space-between" align="flex-end" gap="md">
          <Text c="dimmed" size="sm">
            {t('legal.versionLine', { version: data.version, date: formatDate(data.publishedAt, locale) })}
          </Text>
          <VersionSelect kind={kind} version={data.version} />
        </Group>
        {requested !== undefined && (
          <InfoAlert title={t('legal.olderVersionTitle')}>{t('legal.olderVersionText')}</InfoAlert>
        )}
        <MarkdownBody markdown={data.body[locale] || data.body.de} />
      </>
    );
  }

  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Title order={1}>{title}</Title>
        {content}
        {kind === 'privacy' && <StorageSection />}
      </Stack>
    </Container>
  );
}

export const PrivacyPolicyPage = () => <LegalDocumentPage kind="privacy" />;
export const TermsPage = () => <LegalDocumentPage kind="terms" />;
export const ImprintPage = () => <LegalDocumentPage kind="imprint" />;
