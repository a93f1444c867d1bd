import { ActionIcon, Combobox, Group, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Suggestion } from '@nano/contracts';
import { SEARCH_LIMITS } from '@nano/contracts';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { SearchIcon } from '../../../shared/ui/icons.tsx';
import { isSuggestable, useSuggestions } from '../api/get-suggestions.ts';
import { searchStateToParams } from '../api/search-params.ts';
import classes from './search-box.module.css';

/** Pause in typing before completions are asked for. */
export const SUGGEST_DEBOUNCE_MS = 150;

interface SearchBoxProps {
  /** The text to start with, e.g. the current query; remount (key) to reset it. */
  defaultValue?: string;
  /** Runs a text search (the trimmed text, possibly empty). */
  onSearch: (q: string) => void;
  /** The field's label; the landmark is named after it too. */
  label: string;
  /** Shows the label to screen readers only (the header). */
  hideLabel?: boolean;
  size?: 'sm' | 'md' | 'lg';
}

/**
 * The search field with completions: typing (≥ 2 characters, 150 ms pause) lists up to 8 titles,
 * tags and categories; arrow keys move through them, Enter takes one (or searches the text when
 * none is highlighted), Escape closes the list. A title opens its Nano, a category searches in it,
 * a tag searches for it.
 */
export function SearchBox({
  defaultValue = '',
  onSearch,
  label,
  hideLabel = false,
  size = 'md',
}: SearchBoxProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [value, setValue] = useState(defaultValue);
  const [wantsList, setWantsList] = useState(false);
  const [debounced] = useDebouncedValue(value, SUGGEST_DEBOUNCE_MS);
  const combobox = useCombobox({
    onDropdownOpen: () => setWantsList(true),
    onDropdownClose: () => {
      combobox.resetSelectedOption();
      setWantsList(false);
    },
  });
  const suggestions = useSuggestions(wantsList ? debounced : '');
  const items: Suggestion[] = wantsList && isSuggestable(value) ? (suggestions.data ?? []) : [];

  // The list is open only while there is something in it, so `aria-expanded` never promises an empty list.
  useEffect(() => {
    if (wantsList && items.length > 0) {
      combobox.openDropdown();
    } else if (items.length === 0) {
      combobox.closeDropdown();
    }
  }, [wantsList, items.length, combobox]);

  const choose = (item: Suggestion) => {
    combobox.closeDropdown();
    if (item.kind === 'title' && item.id) {
      void navigate(paths.nanoDetail.getHref(item.id));
      return;
    }
    if (item.kind === 'category' && item.id) {
      void navigate(paths.search.getHref(searchStateToParams({ category: [item.id] })));
      return;
    }
    setValue(item.text);
    onSearch(item.text);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    combobox.closeDropdown();
    onSearch(value.trim());
  };

  return (
    <search aria-label={label} style={{ display: 'block', width: '100%' }}>
      <form onSubmit={submit}>
        <Combobox
          store={combobox}
          onOptionSubmit={(index) => {
            const item = items[Number(index)];
            if (item) {
              choose(item);
            }
          }}
          withinPortal
        >
          <Combobox.Target withExpandedAttribute>
            <TextInput
              type="text"
              enterKeyHint="search"
              role="combobox"
              aria-autocomplete="list"
              label={hideLabel ? undefined : label}
              aria-label={hideLabel ? label : undefined}
              placeholder={t('search.placeholder')}
              size={size}
              maxLength={SEARCH_LIMITS.queryMax}
              value={value}
              onChange={(event) => {
                setValue(event.currentTarget.value);
                setWantsList(true);
                combobox.resetSelectedOption();
              }}
              onBlur={() => combobox.closeDropdown()}
              rightSectionWidth={size === 'sm' ? 36 : 44}
              rightSection={
                <ActionIcon
                  type="submit"
                  variant="filled"
                  size={size === 'sm' ? 'md' : 'lg'}
                  aria-label={t('search.submit')}
                >
                  <SearchIcon />
                </ActionIcon>
              }
            />
          </Combobox.Target>
          <Combobox.Dropdown hidden={items.length === 0}>
            <Combobox.Options aria-label={t('search.suggestions')}>
              {items.map((item, index) => (
                <Combobox.Option
                  value={String(index)}
                  key={`${item.kind}:${item.id ?? item.text}`}
                  className={classes.option}
                >
                  <Group justify="space-between" wrap="nowrap" gap="sm">
                    <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
                      {item.text}
                    </Text>
                    <Text span size="xs" className={classes.kind}>
                      {t(`search.suggestionKind.${item.kind}`)}
                    </Text>
                  </Group>
                </Combobox.Option>
              ))}
            </Combobox.Options>
          </Combobox.Dropdown>
        </Combobox>
      </form>
    </search>
  );
}
