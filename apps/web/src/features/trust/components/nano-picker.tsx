import { Anchor, Button, Group, Paper, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { type Ref, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNano } from '../../../shared/nanos/api/get-nano.ts';
import { paths } from '../../../shared/routes.ts';
import { isSearchable, useFoundNanos } from '../api/find-nanos.ts';

/** The Nano a notice is about, as the form shows it. */
export interface PickedNano {
  id: string;
  title: string;
  /** Null when the Nano is not visible to the visitor (e.g. already hidden while examined). */
  creatorName: string | null;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const DEBOUNCE_MS = 300;

/** The Nano id in a pasted address (`…/nanos/<id>`) or id, if any. */
export function nanoIdIn(text: string): string | undefined {
  return UUID.exec(text)?.[0]?.toLowerCase();
}

interface CandidateProps {
  nano: PickedNano;
  onPick: (nano: PickedNano) => void;
}

function Candidate({ nano, onPick }: CandidateProps) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" component="li">
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text fw={500} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {nano.title}
        </Text>
        <Text size="xs" c="dimmed">
          {t('trust.picker.by', { name: nano.creatorName })}
        </Text>
      </Stack>
      <Button size="compact-sm" variant="default" style={{ flexShrink: 0 }} onClick={() => onPick(nano)}>
        {t('trust.picker.pick')}
        <VisuallyHidden>{`: ${nano.title}`}</VisuallyHidden>
      </Button>
    </Group>
  );
}

/** The Nano named by a pasted id or address (looked up directly: it may not be searchable). */
function usePastedNano(id: string | undefined): { candidate?: PickedNano; missing: boolean } {
  const nano = useNano(id ?? '', { enabled: Boolean(id) });
  if (!id || !nano.data) {
    return { missing: Boolean(id) && nano.isError };
  }
  return {
    candidate: { id: nano.data.id, title: nano.data.title, creatorName: nano.data.creator.displayName },
    missing: false,
  };
}

interface NanoPickerProps {
  value: PickedNano | null;
  onChange: (nano: PickedNano | null) => void;
  error?: string | undefined;
  /** The search field, to focus when the form is sent without a Nano. */
  inputRef?: Ref<HTMLInputElement>;
}

/**
 * Which Nano the notice is about: a search over the published Nanos by title, or a pasted
 * address / id of the Nano page. Once picked, the Nano is shown with a way to pick another.
 */
export function NanoPicker({ value, onChange, error, inputRef }: NanoPickerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [debounced] = useDebouncedValue(text, DEBOUNCE_MS);
  const pastedId = nanoIdIn(debounced);
  const pasted = usePastedNano(pastedId);
  const search = useFoundNanos(pastedId ? '' : debounced);

  if (value) {
    return (
      <Stack gap={4}>
        <Text size="sm" fw={500}>
          {t('trust.picker.label')}
        </Text>
        <Paper withBorder radius="md" p="sm">
          <Group justify="space-between" wrap="nowrap" gap="sm">
            {value.creatorName === null ? (
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {value.title}
                </Text>
                <Text size="xs">{t('trust.picker.notVisible')}</Text>
              </Stack>
            ) : (
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Anchor
                  component={Link}
                  to={paths.nanoDetail.getHref(value.id)}
                  fw={600}
                  size="sm"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {value.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t('trust.picker.by', { name: value.creatorName })}
                </Text>
              </Stack>
            )}
            <Button
              size="compact-sm"
              variant="default"
              style={{ flexShrink: 0 }}
              onClick={() => onChange(null)}
            >
              {t('trust.picker.change')}
            </Button>
          </Group>
        </Paper>
      </Stack>
    );
  }

  const hits: PickedNano[] = pastedId
    ? pasted.candidate
      ? [pasted.candidate]
      : []
    : (search.data ?? []).map((hit) => ({
        id: hit.id,
        title: hit.title,
        creatorName: hit.creator.displayName,
      }));
  const asked = Boolean(pastedId) || isSearchable(debounced);
  const loading = pastedId ? !pasted.candidate && !pasted.missing : search.isFetching;
  let status = '';
  if (asked && !loading) {
    status = hits.length === 0 ? t('trust.picker.none') : t('trust.picker.found', { count: hits.length });
  }

  return (
    <Stack gap="xs">
      <TextInput
        ref={inputRef}
        label={t('trust.picker.label')}
        description={t('trust.picker.description')}
        required
        type="search"
        value={text}
        error={error}
        onChange={(event) => setText(event.currentTarget.value)}
        onKeyDown={(event) => {
          // Enter would send the whole form before a Nano is picked.
          if (event.key === 'Enter') {
            event.preventDefault();
          }
        }}
      />
      <Text size="sm" role="status" c="dimmed">
        {status}
      </Text>
      {hits.length > 0 && (
        <Paper withBorder radius="md" p="sm">
          <Stack
            component="ul"
            gap="sm"
            aria-label={t('trust.picker.results')}
            style={{ listStyle: 'none', margin: 0, padding: 0 }}
          >
            {hits.map((hit) => (
              <Candidate key={hit.id} nano={hit} onPick={onChange} />
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}
