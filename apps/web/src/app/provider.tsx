import { MantineProvider } from '@mantine/core';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { notificationsQueryKey } from '../features/notifications/api/get-notifications.ts';
import { onSessionChange } from '../shared/api/client.ts';
import { clearSession, setCurrentUser } from '../shared/auth/get-current-user.ts';
import { i18n } from '../shared/i18n/i18n.ts';
import { RealtimeProvider } from '../shared/realtime/realtime-provider.tsx';
import { readCspNonce } from './csp-nonce.ts';
import { cssVariablesResolver, theme } from './theme.ts';

const styleNonce = readCspNonce();
/** A `notification.created` event refreshes the bell (its query belongs to the notifications feature). */
const NOTIFICATION_QUERY_KEYS = [notificationsQueryKey];
const getStyleNonce = styleNonce === undefined ? undefined : () => styleNonce;

interface AppProviderProps {
  queryClient: QueryClient;
  /** `test` turns off Mantine's transitions and portals (and its positioning checks) for jsdom. */
  env?: 'default' | 'test';
  children: ReactNode;
}

/**
 * Everything the pages rely on: translations, the Mantine theme (with the CSP nonce), the query
 * cache, the current-user cache kept in step with silent session refreshes, and the chat's
 * real-time connection (open while someone is signed in).
 */
export function AppProvider({ queryClient, env = 'default', children }: AppProviderProps) {
  useEffect(() => {
    // Failed queries hold a problem title in the previous language; ask again in the new one.
    const refetchFailed = () =>
      void queryClient.refetchQueries({
        type: 'active',
        predicate: (query) => query.state.status === 'error',
      });
    i18n.on('languageChanged', refetchFailed);
    return () => i18n.off('languageChanged', refetchFailed);
  }, [queryClient]);

  useEffect(
    () =>
      // A silent refresh brings the user along; a failed one means guest from now on.
      onSessionChange((event) => {
        if (event.type === 'refreshed') {
          setCurrentUser(queryClient, event.user);
        } else {
          clearSession(queryClient);
        }
      }),
    [queryClient],
  );

  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        defaultColorScheme="light"
        getStyleNonce={getStyleNonce}
        env={env}
      >
        <QueryClientProvider client={queryClient}>
          <RealtimeProvider notificationQueryKeys={NOTIFICATION_QUERY_KEYS}>{children}</RealtimeProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
