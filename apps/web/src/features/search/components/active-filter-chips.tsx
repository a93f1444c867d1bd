import { Button, CloseButton, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type SearchState, withoutFilters } from '../api/search-params.ts';
import { useFilterLabels } from './use-filter-labels.ts';

interface ActiveFilterChipsProps {
  state: SearchState;
  onChange: (next: SearchState) => void;
}

/** The active filters as removable chips, and "Alle Filter entfernen"; nothing when no filter is set. */
export function ActiveFilterChips({ state, onChange }: ActiveFilterChipsProps) {
  const { t } = useTranslation();
  const active = useFilterLabels().activeFilters(state);
  if (active.length === 0) {
    return null;
  }
  return (
    <Group gap="xs" align="center">
      <Group
        gap="xs"
        component="ul"
        aria-label={t('search.activeFilters')}
        style={{ listStyle: 'none', padding: 0, margin: 0 }}
      >
        {active.map((filter) => (
          <li key={filter.key}>
            <Group
              gap={2}
              wrap="nowrap"
              bg="blue.0"
              pl="sm"
              pr={4}
              py={2}
              style={{
                borderRadius: 'var(--mantine-radius-xl)',
                border: '1px solid var(--mantine-color-blue-2)',
              }}
            >
              <Text span size="sm">
                {filter.label}
              </Text>
              <CloseButton
                size="sm"
                radius="xl"
                onClick={() => onChange(filter.remove(state))}
                aria-label={t('search.removeFilter', { filter: filter.label })}
              />
            </Group>
          </li>
        ))}
      </Group>
      <Button variant="subtle" size="compact-sm" onClick={() => onChange(withoutFilters(state))}>
        {t('search.clearFilters')}
      </Button>
    </Group>
  );
}
