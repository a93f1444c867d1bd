import { Container, Group, Pagination, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { ADMIN_LIMITS, ROLES, type Role, USER_STATUSES, type UserStatus } from '@nano/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../shared/ui/error-alert.tsx';
import { SearchIcon } from '../../../shared/ui/icons.tsx';
import { PageLoader } from '../../../shared/ui/page-loader.tsx';
import { SuccessAlert } from '../../../shared/ui/success-alert.tsx';
import { ADMIN_USERS_PAGE_SIZE, type AdminUserFilters, useAdminUsers } from '../api/get-admin-users.ts';
import { userFiltersFromParams, userFiltersToParams } from './user-filters.ts';
import type { ErasedNotice } from './user-page.tsx';
import { UsersTable } from './users-table.tsx';

/** Typing pauses this long before the table searches. */
const SEARCH_DEBOUNCE_MS = 300;
/** The Select's value for "no filter" (an option needs a non-empty value). */
const ALL = 'alle';

/** The search text, sent to the address when typing pauses (or at once on Enter). */
function UserSearchField({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, SEARCH_DEBOUNCE_MS);
  const sent = useRef(value);

  // The address changed elsewhere (back button, a link): show its text.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(value);
    }
  }, [value]);

  const send = (next: string) => {
    if (next !== sent.current) {
      sent.current = next;
      onSearch(next);
    }
  };

  useEffect(() => {
    const next = debounced.trim();
    if (next !== sent.current) {
      sent.current = next;
      onSearch(next);
    }
  }, [debounced, onSearch]);

  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        send(text.trim());
      }}
      style={{ flex: '1 1 280px' }}
    >
      <TextInput
        type="search"
        label={t('admin.users.search')}
        description={t('admin.users.searchHint')}
        leftSection={<SearchIcon size={16} />}
        value={text}
        maxLength={ADMIN_LIMITS.userQueryMax}
        onChange={(event) => setText(event.currentTarget.value)}
      />
    </form>
  );
}

/** The username of an account just erased on its page, passed as router state. */
function erasedNoticeOf(state: unknown): string | undefined {
  const erased = (state as Partial<ErasedNotice> | null)?.erased;
  return typeof erased === 'string' ? erased : undefined;
}

/** `/admin/nutzer` (admins): every account, searchable by name, username and email, filtered by role and status. */
export function UsersPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('app.documentTitle', { page: t('admin.users.title') }));
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = userFiltersFromParams(searchParams);
  const users = useAdminUsers(filters);
  const erased = erasedNoticeOf(useLocation().state);

  const change = (next: Partial<AdminUserFilters>) => {
    // A new search or filter starts on page 1.
    const page = next.page ?? 1;
    setSearchParams(userFiltersToParams({ ...filters, ...next, page }), { replace: next.page === undefined });
  };

  const renderContent = () => {
    if (users.isPending) {
      return <PageLoader />;
    }
    if (users.isError) {
      return (
        <ErrorAlert
          error={users.error}
          message={t('admin.users.loadError')}
          onRetry={() => void users.refetch()}
          retrying={users.isFetching}
        />
      );
    }
    const { items, total } = users.data;
    const pageCount = Math.ceil(total / ADMIN_USERS_PAGE_SIZE);
    return (
      <Stack
        gap="md"
        aria-busy={users.isPlaceholderData}
        style={{ opacity: users.isPlaceholderData ? 0.6 : 1 }}
      >
        {items.length === 0 ? <Text>{t('admin.users.empty')}</Text> : <UsersTable users={items} />}
        {pageCount > 1 && (
          <Pagination
            total={pageCount}
            value={Math.min(filters.page, pageCount)}
            onChange={(page) => change({ page })}
            getItemProps={(item) => ({ 'aria-label': t('admin.pagination.page', { page: item }) })}
            getControlProps={(control) => ({ 'aria-label': t(`admin.pagination.${control}`) })}
          />
        )}
      </Stack>
    );
  };

  return (
    <Container size="lg" py="xl">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('admin.users.title')}</Title>
          <Text c="dimmed">{t('admin.users.intro')}</Text>
        </Stack>
        {erased && <SuccessAlert title={t('admin.users.erased', { username: erased })} />}
        <Group gap="md" align="flex-start" wrap="wrap">
          <UserSearchField value={filters.q} onSearch={(q) => change({ q })} />
          <Select
            label={t('admin.users.role')}
            data={[
              { value: ALL, label: t('admin.users.allRoles') },
              ...ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) })),
            ]}
            value={filters.role ?? ALL}
            onChange={(value) => change({ role: value && value !== ALL ? (value as Role) : null })}
            allowDeselect={false}
            w={{ base: '100%', xs: 200 }}
          />
          <Select
            label={t('admin.users.status')}
            data={[
              { value: ALL, label: t('admin.users.allStatuses') },
              ...USER_STATUSES.map((status) => ({ value: status, label: t(`admin.status.${status}`) })),
            ]}
            value={filters.status ?? ALL}
            onChange={(value) => change({ status: value && value !== ALL ? (value as UserStatus) : null })}
            allowDeselect={false}
            w={{ base: '100%', xs: 200 }}
          />
        </Group>
        <Text role="status" size="sm" c="dimmed">
          {users.data ? t('admin.users.count', { count: users.data.total }) : ''}
        </Text>
        {renderContent()}
      </Stack>
    </Container>
  );
}
