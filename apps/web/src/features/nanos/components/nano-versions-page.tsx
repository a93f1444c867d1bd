import { Anchor, Badge, Button, Container, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { Nano, NanoVersion } from '@nano/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../shared/api/client.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { useNano } from '../../../shared/nanos/api/get-nano.ts';
import { formatBytes, formatDateTime } from '../../../shared/nanos/format.ts';
import { VersionStatusBadge } from '../../../shared/nanos/status-badge.tsx';
import { downloadUrl } from '../../../shared/nanos/viewer/content-url.ts';
import { paths } from '../../../shared/routes.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { useNanoVersions } from '../api/get-nano-versions.ts';
import { NanoNotFound } from './nano-detail-page.tsx';

/** Owner and staff may download every version; others only the current one (when allowed). */
function canDownload(nano: Nano, version: NanoVersion): boolean {
  const privileged = nano.permissions.edit || nano.permissions.delete || nano.permissions.review;
  return nano.permissions.download && (version.current || privileged);
}

function VersionsTable({ nano, versions }: { nano: Nano; versions: NanoVersion[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" striped>
        <Table.Caption>{t('versions.caption', { title: nano.title })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('versions.columns.version')}</Table.Th>
            <Table.Th scope="col">{t('versions.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('versions.columns.date')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('versions.columns.size')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('versions.columns.files')}
            </Table.Th>
            <Table.Th scope="col">{t('versions.columns.changelog')}</Table.Th>
            <Table.Th scope="col">{t('versions.columns.download')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {versions.map((version) => (
            <Table.Tr key={version.id}>
              <Table.Th scope="row">
                <Group gap="xs" wrap="nowrap">
                  <Text span fw={700}>
                    {version.semver}
                  </Text>
                  {version.current && (
                    <Badge color="teal.9" variant="filled" size="sm" tt="none">
                      {t('versions.current')}
                    </Badge>
                  )}
                </Group>
              </Table.Th>
              <Table.Td>
                <VersionStatusBadge status={version.status} />
              </Table.Td>
              <Table.Td>{formatDateTime(version.createdAt, locale)}</Table.Td>
              <Table.Td ta="right">{formatBytes(version.sizeBytes, locale)}</Table.Td>
              <Table.Td ta="right">{version.fileCount}</Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {version.changelog ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                {canDownload(nano, version) ? (
                  <Anchor
                    href={downloadUrl(nano.id, version.id)}
                    download
                    aria-label={t('versions.downloadLabel', { semver: version.semver })}
                  >
                    {t('versions.download')}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Versions({ nano }: { nano: Nano }) {
  const { t } = useTranslation();
  const versions = useNanoVersions(nano.id);
  if (versions.isPending) {
    return <PageLoader />;
  }
  if (versions.isError) {
    return (
      <ErrorAlert
        error={versions.error}
        message={t('versions.loadError')}
        onRetry={() => void versions.refetch()}
        retrying={versions.isFetching}
      />
    );
  }
  if (versions.data.items.length === 0) {
    return <Text>{t('versions.empty')}</Text>;
  }
  return <VersionsTable nano={nano} versions={versions.data.items} />;
}

/** `/nanos/:id/versionen`: every version with status, size, changelog and download (owner and staff). */
export function NanoVersionsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const nano = useNano(id);
  const notFound = nano.error instanceof ApiError && (nano.error.status === 404 || nano.error.status === 400);
  useDocumentTitle(t('app.documentTitle', { page: t('versions.title') }));

  const renderContent = () => {
    if (nano.isPending) {
      return <PageLoader />;
    }
    if (notFound) {
      return <NanoNotFound />;
    }
    if (nano.isError) {
      return (
        <ErrorAlert
          error={nano.error}
          message={t('nano.loadError')}
          onRetry={() => void nano.refetch()}
          retrying={nano.isFetching}
        />
      );
    }
    return (
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('versions.title')}</Title>
          <Anchor component={Link} to={paths.nanoDetail.getHref(nano.data.id)} fw={600}>
            {nano.data.title}
          </Anchor>
        </Stack>
        {nano.data.permissions.edit && (
          <Group>
            <Button component={Link} to={paths.editNano.getHref(nano.data.id, 'datei')} variant="default">
              {t('versions.upload')}
            </Button>
          </Group>
        )}
        <Versions nano={nano.data} />
      </Stack>
    );
  };

  return (
    <Container size="lg" py="xl">
      {renderContent()}
    </Container>
  );
}
