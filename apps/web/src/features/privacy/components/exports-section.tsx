import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { type DataExport, PRIVACY_LIMITS } from '@nano/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../shared/api/client.ts';
import { useCurrentUser } from '../../../shared/auth/get-current-user.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { formatBytes, formatDateTime } from '../../../shared/nanos/format.ts';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { SectionCard } from '../../../shared/ui/section-card.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { useDataExports, useRequestDataExport } from '../api/data-exports.ts';
import { downloadDataExport, REAUTHENTICATION_REQUIRED } from '../api/download-export.ts';
import { ReauthModal } from './reauth-modal.tsx';

/** Dark shades: white badge text keeps 4.5:1 contrast. */
const STATUS_COLORS = {
  pending: 'gray.8',
  building: 'blue.9',
  ready: 'teal.9',
  failed: 'red.9',
  expired: 'gray.7',
} as const satisfies Record<DataExport['status'], string>;

function ExportRow({
  item,
  onDownload,
  downloading,
}: {
  item: DataExport;
  onDownload: () => void;
  downloading: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.Tr>
      <Table.Td>{formatDateTime(item.requestedAt, locale)}</Table.Td>
      <Table.Td>
        <Badge color={STATUS_COLORS[item.status]} variant="filled">
          {t(`privacy.exports.status.${item.status}`)}
        </Badge>
        {item.onBehalf && (
          <Text size="xs" c="dimmed">
            {t('privacy.exports.onBehalf')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>{item.sizeBytes === null ? '–' : formatBytes(item.sizeBytes, locale)}</Table.Td>
      <Table.Td>
        {item.status === 'ready' && item.expiresAt ? formatDateTime(item.expiresAt, locale) : '–'}
      </Table.Td>
      <Table.Td>
        {item.status === 'ready' && (
          <Button
            size="xs"
            onClick={onDownload}
            loading={downloading}
            aria-label={t('privacy.exports.downloadOf', { date: formatDateTime(item.requestedAt, locale) })}
          >
            {t('privacy.exports.download')}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * Data export (Art. 15/20): request one, see its status (polled while it is built), size and
 * expiry, and download it. A download that needs a fresh sign-in asks for the password in a
 * modal and then tries again.
 */
export function ExportsSection() {
  const { t } = useTranslation();
  const user = useCurrentUser().data;
  const exports = useDataExports();
  const request = useRequestDataExport();
  const download = useMutation({ mutationFn: downloadDataExport });
  const [reauthFor, setReauthFor] = useState<string | null>(null);

  const startDownload = (id: string) =>
    download.mutate(id, {
      onError: (error) => {
        if (error instanceof ApiError && error.code === REAUTHENTICATION_REQUIRED) {
          download.reset();
          setReauthFor(id);
        }
      },
    });

  const items = exports.data?.items ?? [];
  const busy = items.some((item) => item.status === 'pending' || item.status === 'building');

  let list = <PageLoader />;
  if (exports.isError) {
    list = (
      <ErrorAlert
        error={exports.error}
        message={t('privacy.exports.loadError')}
        onRetry={() => void exports.refetch()}
        retrying={exports.isFetching}
      />
    );
  } else if (exports.data && items.length === 0) {
    list = <Text size="sm">{t('privacy.exports.empty')}</Text>;
  } else if (exports.data) {
    list = (
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder>
          <Table.Caption>{t('privacy.exports.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('privacy.exports.requestedAt')}</Table.Th>
              <Table.Th scope="col">{t('privacy.exports.statusLabel')}</Table.Th>
              <Table.Th scope="col">{t('privacy.exports.size')}</Table.Th>
              <Table.Th scope="col">{t('privacy.exports.expiresAt')}</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>{t('privacy.exports.actions')}</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <ExportRow
                key={item.id}
                item={item}
                onDownload={() => startDownload(item.id)}
                downloading={download.isPending && download.variables === item.id}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <SectionCard
      title={t('privacy.exports.title')}
      description={t('privacy.exports.description', { days: PRIVACY_LIMITS.exportValidDays })}
    >
      <Stack gap="md">
        {request.isSuccess && (
          <SuccessAlert title={t('privacy.exports.requestedTitle')}>
            <Text size="sm">{t('privacy.exports.requestedText')}</Text>
          </SuccessAlert>
        )}
        <FormErrorAlert error={request.error} />
        <FormErrorAlert error={download.error} />
        <Group>
          <Button onClick={() => request.mutate()} loading={request.isPending} disabled={busy}>
            {t('privacy.exports.request')}
          </Button>
          {busy && (
            <Text size="sm" c="dimmed">
              {t('privacy.exports.inProgress')}
            </Text>
          )}
        </Group>
        {list}
      </Stack>
      <ReauthModal
        opened={reauthFor !== null}
        twoFactor={user?.twoFactorEnabled ?? false}
        onClose={() => setReauthFor(null)}
        onConfirmed={() => {
          const id = reauthFor;
          setReauthFor(null);
          if (id) {
            startDownload(id);
          }
        }}
      />
    </SectionCard>
  );
}
