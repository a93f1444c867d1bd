import { Anchor, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCategories } from '../../../shared/api/get-categories.ts';
import { useLocale } from '../../../shared/i18n/use-locale.ts';
import { paths } from '../../../shared/routes.ts';
import {
  hasActiveFilters,
  type SearchState,
  searchStateToParams,
  withoutFilters,
} from '../api/search-params.ts';

/** Top-level categories offered as a way out of an empty result. */
const SUGGESTED_CATEGORIES = 6;

interface EmptyResultsProps {
  state: SearchState;
  onChange: (next: SearchState) => void;
}

/** Nothing found: what to try instead (spelling, fewer filters) and the main topics to browse. */
export function EmptyResults({ state, onChange }: EmptyResultsProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const categories = useCategories();
  const filtered = hasActiveFilters(state);
  const topics = (categories.data?.items ?? [])
    .toSorted((a, b) => a.position - b.position)
    .slice(0, SUGGESTED_CATEGORIES);
  return (
    <Stack gap="md" py="md">
      <Title order={2} size="h3">
        {state.q ? t('search.empty.titleFor', { q: state.q }) : t('search.empty.title')}
      </Title>
      <Text>{t('search.empty.tips')}</Text>
      <List>
        {state.q && <List.Item>{t('search.empty.spelling')}</List.Item>}
        {state.q && <List.Item>{t('search.empty.otherWords')}</List.Item>}
        {filtered && <List.Item>{t('search.empty.fewerFilters')}</List.Item>}
      </List>
      {filtered && (
        <div>
          <Button variant="default" onClick={() => onChange(withoutFilters(state))}>
            {t('search.clearFilters')}
          </Button>
        </div>
      )}
      {topics.length > 0 && (
        <Stack gap="xs">
          <Text fw={600}>{t('search.empty.popularCategories')}</Text>
          <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {topics.map((topic) => (
              <li key={topic.id}>
                <Anchor
                  component={Link}
                  to={paths.search.getHref(searchStateToParams({ category: [topic.id] }))}
                >
                  {topic.name[locale]}
                </Anchor>
              </li>
            ))}
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
