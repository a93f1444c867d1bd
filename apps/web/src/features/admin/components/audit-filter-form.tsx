import { Autocomplete, Button, Group, Paper, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditActions } from '../api/get-audit-actions.ts';
import { type AuditFilters, emptyAuditFilters } from '../api/get-audit-log.ts';

/** Target types the modules record, offered as suggestions (any other text works too). */
const TARGET_TYPES = [
  'user',
  'session',
  'nano',
  'category',
  'rating',
  'chat',
  'chat_message',
  'message',
  'flag',
  'takedown_notice',
  'appeal',
  'decision',
];

const TEXT_MAX = 100;

/** The audit log's filters; applied together with "Filtern", so a half-typed id does not query. */
export function AuditFilterForm({
  filters,
  onApply,
}: {
  filters: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const { t } = useTranslation();
  const actions = useAuditActions();
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const rangeInvalid = draft.from !== '' && draft.to !== '' && draft.from > draft.to;
  const set = (name: keyof AuditFilters) => (value: string) =>
    setDraft((current) => ({ ...current, [name]: value }));
  const actionOptions = actions.data ?? (filters.action ? [filters.action] : []);

  return (
    <Paper withBorder radius="md" p="md">
      <form
        aria-label={t('admin.audit.filters')}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!rangeInvalid) {
            onApply(draft);
          }
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <TextInput
            label={t('admin.audit.actor')}
            description={t('admin.audit.actorHint')}
            value={draft.actor}
            maxLength={TEXT_MAX}
            onChange={(event) => set('actor')(event.currentTarget.value)}
          />
          <Select
            label={t('admin.audit.action')}
            description={actions.isError ? t('admin.audit.actionsError') : t('admin.audit.actionHint')}
            placeholder={t('admin.audit.allActions')}
            data={actionOptions}
            value={draft.action || null}
            onChange={(value) => set('action')(value ?? '')}
            searchable
            clearable
            nothingFoundMessage={t('admin.audit.noAction')}
            comboboxProps={{ withinPortal: true }}
          />
          <Autocomplete
            label={t('admin.audit.targetType')}
            description={t('admin.audit.targetTypeHint')}
            data={TARGET_TYPES}
            value={draft.targetType}
            maxLength={50}
            onChange={set('targetType')}
            comboboxProps={{ withinPortal: true }}
          />
          <TextInput
            label={t('admin.audit.target')}
            description={t('admin.audit.targetHint')}
            value={draft.target}
            maxLength={TEXT_MAX}
            spellCheck={false}
            onChange={(event) => set('target')(event.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('admin.audit.from')}
            value={draft.from}
            max={draft.to || undefined}
            onChange={(event) => set('from')(event.currentTarget.value)}
            error={rangeInvalid ? t('admin.invalidRange') : undefined}
          />
          <TextInput
            type="date"
            label={t('admin.audit.to')}
            value={draft.to}
            min={draft.from || undefined}
            onChange={(event) => set('to')(event.currentTarget.value)}
          />
        </SimpleGrid>
        <Group gap="sm" mt="md">
          <Button type="submit">{t('admin.audit.apply')}</Button>
          <Button
            variant="default"
            onClick={() => {
              setDraft(emptyAuditFilters());
              onApply(emptyAuditFilters());
            }}
          >
            {t('admin.audit.reset')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
