import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { FAVORITE_SORTS, NANO_FORMATS, NANO_LANGUAGES } from '@nano/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { languageName } from '../../../shared/nanos/format.ts';
import type { FavoriteSort, FavoritesQuery } from '../api/get-favorites.ts';

/** How long the title search waits after the last key before it asks the server. */
export const TITLE_SEARCH_DELAY_MS = 300;

const LEVELS = [1, 2, 3] as const;

interface FavoritesFiltersProps {
  query: FavoritesQuery;
  onChange: (next: FavoritesQuery) => void;
}

/** Title search, level, language, format and sort of "Meine Favoriten"; every change starts at page 1. */
export function FavoritesFilters({ query, onChange }: FavoritesFiltersProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [text, setText] = useState(query.q);
  const searchTitle = useDebouncedCallback((q: string) => {
    onChange({ ...query, q: q.trim(), page: 1 });
  }, TITLE_SEARCH_DELAY_MS);
  const all = { value: '', label: t('favorites.filters.all') };

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        type="search"
        label={t('favorites.filters.title')}
        value={text}
        onChange={(event) => {
          setText(event.currentTarget.value);
          searchTitle(event.currentTarget.value);
        }}
        w={{ base: '100%', sm: 240 }}
      />
      <NativeSelect
        label={t('favorites.filters.level')}
        value={query.level === undefined ? '' : String(query.level)}
        onChange={(event) => {
          const level = Number(event.currentTarget.value);
          onChange({
            ...query,
            level: level === 1 || level === 2 || level === 3 ? level : undefined,
            page: 1,
          });
        }}
        data={[all, ...LEVELS.map((level) => ({ value: String(level), label: t(`nanoLevel.${level}`) }))]}
      />
      <NativeSelect
        label={t('favorites.filters.language')}
        value={query.language ?? ''}
        onChange={(event) =>
          onChange({ ...query, language: event.currentTarget.value || undefined, page: 1 })
        }
        data={[all, ...NANO_LANGUAGES.map((code) => ({ value: code, label: languageName(code, locale) }))]}
      />
      <NativeSelect
        label={t('favorites.filters.format')}
        value={query.format ?? ''}
        onChange={(event) => onChange({ ...query, format: event.currentTarget.value || undefined, page: 1 })}
        data={[all, ...NANO_FORMATS.map((format) => ({ value: format, label: t(`nanoFormat.${format}`) }))]}
      />
      <NativeSelect
        label={t('favorites.sort.label')}
        value={query.sort}
        onChange={(event) => onChange({ ...query, sort: event.currentTarget.value as FavoriteSort, page: 1 })}
        data={FAVORITE_SORTS.map((sort) => ({ value: sort, label: t(`favorites.sort.${sort}`) }))}
      />
    </Group>
  );
}
