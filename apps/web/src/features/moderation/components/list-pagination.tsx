import { Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MODERATION_PAGE_SIZE } from '../api/moderation-keys.ts';

interface ListPaginationProps {
  total: number;
  page: number;
  onChange: (page: number) => void;
}

/** Paging under a moderation list; nothing while everything fits on one page. */
export function ListPagination({ total, page, onChange }: ListPaginationProps) {
  const { t } = useTranslation();
  const pageCount = Math.ceil(total / MODERATION_PAGE_SIZE);
  if (pageCount <= 1) {
    return null;
  }
  return (
    <nav aria-label={t('moderation.pagination')}>
      <Pagination
        total={pageCount}
        value={page}
        onChange={onChange}
        getItemProps={(item) => ({ 'aria-label': t('myNanos.goToPage', { page: item }) })}
        getControlProps={(control) => ({ 'aria-label': t(`myNanos.pagination.${control}`) })}
      />
    </nav>
  );
}

/** The 1-based page from `?seite=`, 1 for anything else. */
export function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}
