import { Anchor, Container, Paper, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { LEGAL_DOCUMENT_KINDS, type LegalDocumentKind } from '@nano/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatDateTime } from '../../../shared/nanos/format.ts';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { InfoAlert } from '../../../shared/ui/info-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import {
  type LegalDocument,
  type LegalVersion,
  useCurrentLegalDocument,
  useLegalVersions,
} from '../api/legal-documents.ts';
import { PublishLegalForm } from './publish-legal-form.tsx';

/** The public page of each document. */
const PUBLIC_PAGES: Record<LegalDocumentKind, string> = {
  privacy: paths.privacy.getHref(),
  terms: paths.terms.getHref(),
  imprint: paths.imprint.getHref(),
};

function kindFrom(value: string | null): LegalDocumentKind {
  return LEGAL_DOCUMENT_KINDS.find((kind) => kind === value) ?? 'privacy';
}

/** Every published version, newest first, with whether it asked users again and why it changed. */
function VersionHistory({ kind, versions }: { kind: LegalDocumentKind; versions: LegalVersion[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (versions.length === 0) {
    return <Text size="sm">{t('privacyAdmin.legal.noVersions')}</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" striped>
        <Table.Caption>
          {t('privacyAdmin.legal.historyCaption', { document: t(`privacyAdmin.legal.kinds.${kind}`) })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('privacyAdmin.legal.columns.version')}</Table.Th>
            <Table.Th scope="col">{t('privacyAdmin.legal.columns.published')}</Table.Th>
            <Table.Th scope="col">{t('privacyAdmin.legal.columns.title')}</Table.Th>
            {kind !== 'imprint' && (
              <Table.Th scope="col">{t('privacyAdmin.legal.columns.reacceptance')}</Table.Th>
            )}
            <Table.Th scope="col">{t('privacyAdmin.legal.columns.changeNote')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((version) => (
            <Table.Tr key={version.version}>
              <Table.Td>
                <Anchor component={Link} to={`${PUBLIC_PAGES[kind]}?version=${version.version}`} size="sm">
                  {t('privacyAdmin.legal.versionLabel', { version: version.version })}
                </Anchor>
              </Table.Td>
              <Table.Td>{formatDateTime(version.publishedAt, locale)}</Table.Td>
              <Table.Td>{locale === 'en' ? version.title.en : version.title.de}</Table.Td>
              {kind !== 'imprint' && (
                <Table.Td>{version.requiresAcceptance ? t('admin.yes') : t('admin.no')}</Table.Td>
              )}
              <Table.Td>{version.changeNote ?? '–'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One document: its current version, history and the form for the next version. */
function LegalKindPanel({ kind }: { kind: LegalDocumentKind }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const current = useCurrentLegalDocument(kind);
  const versions = useLegalVersions(kind);
  const [published, setPublished] = useState<LegalDocument | null>(null);
  const currentId = useId();
  const historyId = useId();
  const formId = useId();

  if (current.isPending) {
    return <PageLoader />;
  }
  if (current.isError) {
    return (
      <ErrorAlert
        error={current.error}
        message={t('privacyAdmin.legal.loadError')}
        onRetry={() => void current.refetch()}
        retrying={current.isFetching}
      />
    );
  }
  const document = current.data;
  return (
    <Stack gap="lg">
      {published && (
        <SuccessAlert title={t('privacyAdmin.legal.published', { version: published.version })} />
      )}
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby={currentId}>
        <Stack gap="xs">
          <Title order={2} size="h3" id={currentId}>
            {t('privacyAdmin.legal.currentTitle')}
          </Title>
          {document ? (
            <>
              <Text>
                {t('privacyAdmin.legal.currentSummary', {
                  version: document.version,
                  date: formatDateTime(document.publishedAt, locale),
                  title: locale === 'en' ? document.title.en : document.title.de,
                })}
              </Text>
              {kind !== 'imprint' && (
                <Text size="sm">
                  {document.requiresAcceptance
                    ? t('privacyAdmin.legal.currentRequired')
                    : t('privacyAdmin.legal.currentNotRequired')}
                </Text>
              )}
              {document.changeNote && (
                <Text size="sm" c="dimmed">
                  {t('privacyAdmin.legal.currentNote', { note: document.changeNote })}
                </Text>
              )}
              <Anchor component={Link} to={PUBLIC_PAGES[kind]} size="sm">
                {t('privacyAdmin.legal.publicLink')}
              </Anchor>
            </>
          ) : (
            <InfoAlert title={t('privacyAdmin.legal.none')} />
          )}
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby={historyId}>
        <Stack gap="sm">
          <Title order={2} size="h3" id={historyId}>
            {t('privacyAdmin.legal.historyTitle')}
          </Title>
          {versions.isError ? (
            <ErrorAlert
              error={versions.error}
              message={t('privacyAdmin.legal.historyError')}
              onRetry={() => void versions.refetch()}
              retrying={versions.isFetching}
            />
          ) : versions.data ? (
            <VersionHistory kind={kind} versions={versions.data.items} />
          ) : (
            <PageLoader />
          )}
        </Stack>
      </Paper>
      <Paper withBorder radius="md" p="md" component="section" aria-labelledby={formId}>
        <Stack gap="md">
          <Stack gap={4}>
            <Title order={2} size="h3" id={formId}>
              {t('privacyAdmin.legal.form.heading')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('privacyAdmin.legal.form.intro')}
            </Text>
          </Stack>
          {/* A new current version starts the form from it. */}
          <PublishLegalForm
            key={document?.version ?? 0}
            kind={kind}
            current={document}
            onPublished={setPublished}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}

/** `/admin/rechtstexte` (admins): privacy policy, terms and imprint — current version, history, new version. */
export function LegalEditorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('privacyAdmin.legal.title') }));
  const [searchParams, setSearchParams] = useSearchParams();
  const kind = kindFrom(searchParams.get('dokument'));
  return (
    <Container size="xl" py="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('privacyAdmin.legal.title')}</Title>
          <Text c="dimmed">{t('privacyAdmin.legal.intro')}</Text>
        </Stack>
        <Tabs
          value={kind}
          onChange={(value) => setSearchParams(value && value !== 'privacy' ? { dokument: value } : {})}
          keepMounted={false}
        >
          <Tabs.List>
            {LEGAL_DOCUMENT_KINDS.map((value) => (
              <Tabs.Tab key={value} value={value}>
                {t(`privacyAdmin.legal.kinds.${value}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {LEGAL_DOCUMENT_KINDS.map((value) => (
            <Tabs.Panel key={value} value={value} pt="lg">
              <LegalKindPanel kind={value} />
            </Tabs.Panel>
          ))}
        </Tabs>
      </Stack>
    </Container>
  );
}
