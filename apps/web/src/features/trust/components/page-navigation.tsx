import { Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** `?seite=` as a page number (1 when missing or invalid). */
export function pageFrom(value: string | null): number {
  const page = Number(value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}

interface PageNavigationProps {
  /** Names the navigation landmark ("Seiten der Entscheidungen"). */
  label: string;
  total: number;
  pageSize: number;
  page: number;
  onChange: (page: number) => void;
}

/** Labelled page links under a list; nothing when everything fits on one page. */
export function PageNavigation({ label, total, pageSize, page, onChange }: PageNavigationProps) {
  const { t } = useTranslation();
  const pageCount = Math.ceil(total / pageSize);
  if (pageCount <= 1) {
    return null;
  }
  return (
    <nav aria-label={label}>
      <Pagination
        total={pageCount}
        value={page}
        onChange={onChange}
        getItemProps={(item) => ({ 'aria-label': t('trust.pagination.page', { page: item }) })}
        getControlProps={(control) => ({ 'aria-label': t(`trust.pagination.${control}`) })}
      />
    </nav>
  );
}
