import { ActionIcon, Box } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { paths } from '../../../shared/routes.ts';
import { SearchIcon } from '../../../shared/ui/icons.tsx';
import { searchStateToParams } from '../api/search-params.ts';
import { SearchBox } from './search-box.tsx';

/**
 * The header's search: a field with completions from `md` up, a link to the search page on
 * narrower screens (the header has no room for a field there). Left out on the search page itself, which has its own, larger field.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  if (pathname === paths.search.path) {
    return null;
  }
  return (
    <>
      <Box visibleFrom="md" w="100%" maw={360}>
        <SearchBox
          label={t('search.headerLabel')}
          hideLabel
          size="sm"
          onSearch={(q) => void navigate(paths.search.getHref(searchStateToParams({ q })))}
        />
      </Box>
      <ActionIcon
        component={Link}
        to={paths.search.getHref()}
        hiddenFrom="md"
        variant="default"
        size="lg"
        aria-label={t('search.headerLabel')}
      >
        <SearchIcon />
      </ActionIcon>
    </>
  );
}
