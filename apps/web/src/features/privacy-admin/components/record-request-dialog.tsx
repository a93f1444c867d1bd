import { Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { PRIVACY_LIMITS, PRIVACY_REQUEST_TYPES, type PrivacyRequestType } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormErrorAlert } from '../../../shared/ui/form-error-alert.tsx';
import { useRecordPrivacyRequest } from '../api/privacy-request-actions.ts';
import { USER_SEARCH_MIN_LENGTH, useUserSearch } from '../api/search-users.ts';
import { localToday, startOfLocalDay } from './local-day.ts';

/** The account a request is recorded for. */
export interface RequestSubject {
  id: string;
  displayName: string;
}

const CHANNELS = ['email', 'letter'] as const;
type Channel = (typeof CHANNELS)[number];

/** Finds an account by name, username or email with the admin users list. */
function UserPicker({
  value,
  onChange,
  error,
}: {
  value: RequestSubject | null;
  onChange: (user: RequestSubject | null) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const found = useUserSearch(debounced);
  const options = (found.data?.items ?? []).map((user) => ({
    value: user.id,
    label: user.email ? `${user.displayName} · ${user.email}` : user.displayName,
  }));
  if (value && !options.some((option) => option.value === value.id)) {
    options.unshift({ value: value.id, label: value.displayName });
  }
  return (
    <Select
      label={t('privacyAdmin.record.user')}
      description={t('privacyAdmin.record.userHint', { min: USER_SEARCH_MIN_LENGTH })}
      placeholder={t('privacyAdmin.record.userPlaceholder')}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      data={options}
      value={value?.id ?? null}
      onChange={(id) => {
        const user = found.data?.items.find((item) => item.id === id);
        onChange(user ? { id: user.id, displayName: user.displayName } : null);
      }}
      nothingFoundMessage={
        debounced.trim().length >= USER_SEARCH_MIN_LENGTH ? t('privacyAdmin.record.noUser') : undefined
      }
      required
      error={error}
      comboboxProps={{ withinPortal: false }}
    />
  );
}

/**
 * "Anfrage erfassen": a request received by email or letter. The identity check is required
 * (Art. 12(6)); the 30-day answer period runs from the day it was received.
 */
export function RecordRequestDialog({
  opened,
  onClose,
  onRecorded,
  subject,
}: {
  opened: boolean;
  onClose: () => void;
  onRecorded: (type: PrivacyRequestType) => void;
  /** Prefilled (the inventory page): the account is fixed. */
  subject?: RequestSubject;
}) {
  const { t } = useTranslation();
  const record = useRecordPrivacyRequest();
  const today = localToday();
  const [user, setUser] = useState<RequestSubject | null>(subject ?? null);
  const [type, setType] = useState<PrivacyRequestType | null>(null);
  const [channel, setChannel] = useState<Channel>('email');
  const [received, setReceived] = useState(today);
  const [verification, setVerification] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<
    Partial<Record<'user' | 'type' | 'received' | 'verification', string>>
  >({});

  const close = () => {
    record.reset();
    setErrors({});
    onClose();
  };

  const submit = () => {
    const found: typeof errors = {};
    if (!user) {
      found.user = t('privacyAdmin.record.userRequired');
    }
    if (!type) {
      found.type = t('privacyAdmin.record.typeRequired');
    }
    if (!received || received > today) {
      found.received = t('privacyAdmin.record.receivedInvalid');
    }
    if (!verification.trim()) {
      found.verification = t('privacyAdmin.record.verificationRequired');
    }
    setErrors(found);
    if (!user || !type || Object.keys(found).length > 0) {
      return;
    }
    record.mutate(
      {
        userId: user.id,
        type,
        channel,
        receivedAt: startOfLocalDay(received),
        verificationNote: verification.trim(),
        ...(note.trim() ? { note: note.trim() } : {}),
      },
      {
        onSuccess: () => {
          close();
          onRecorded(type);
        },
      },
    );
  };

  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={close}
      title={
        subject
          ? t('privacyAdmin.record.titleFor', { name: subject.displayName })
          : t('privacyAdmin.record.title')
      }
      size="lg"
      centered
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t('privacyAdmin.record.intro', { days: PRIVACY_LIMITS.requestDueDays })}</Text>
          {subject ? (
            <TextInput label={t('privacyAdmin.record.user')} value={subject.displayName} readOnly />
          ) : (
            <UserPicker value={user} onChange={setUser} error={errors.user} />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('privacyAdmin.record.type')}
              data={PRIVACY_REQUEST_TYPES.map((value) => ({ value, label: t(`privacyAdmin.type.${value}`) }))}
              value={type}
              onChange={(value) => setType(value as PrivacyRequestType | null)}
              required
              error={errors.type}
              comboboxProps={{ withinPortal: false }}
            />
            <Select
              label={t('privacyAdmin.record.channel')}
              data={CHANNELS.map((value) => ({ value, label: t(`privacyAdmin.channel.${value}`) }))}
              value={channel}
              onChange={(value) => value && setChannel(value as Channel)}
              allowDeselect={false}
              required
              comboboxProps={{ withinPortal: false }}
            />
            <TextInput
              type="date"
              label={t('privacyAdmin.record.received')}
              max={today}
              value={received}
              onChange={(event) => setReceived(event.currentTarget.value)}
              required
              error={errors.received}
            />
          </SimpleGrid>
          <Textarea
            label={t('privacyAdmin.record.verification')}
            description={t('privacyAdmin.record.verificationHint')}
            autosize
            minRows={2}
            maxLength={PRIVACY_LIMITS.requestNoteMax}
            value={verification}
            onChange={(event) => setVerification(event.currentTarget.value)}
            required
            error={errors.verification}
          />
          <Textarea
            label={t('privacyAdmin.record.note')}
            autosize
            minRows={2}
            maxLength={PRIVACY_LIMITS.requestNoteMax}
            value={note}
            onChange={(event) => setNote(event.currentTarget.value)}
          />
          <FormErrorAlert error={record.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={record.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={record.isPending}>
              {t('privacyAdmin.record.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
