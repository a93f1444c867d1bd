import { MantineProvider } from '@mantine/core';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../shared/i18n/i18n.ts';
import { readCspNonce } from './csp-nonce.ts';
import { cssVariablesResolver, theme } from './theme.ts';

const styleNonce = readCspNonce();
const getStyleNonce = styleNonce === undefined ? undefined : () => styleNonce;

interface AppProviderProps {
  queryClient: QueryClient;
  children: ReactNode;
}

/** Everything the pages rely on: translations, the Mantine theme (with the CSP nonce) and the query cache. */
export function AppProvider({ queryClient, children }: AppProviderProps) {
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

  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider
        theme={theme}
        cssVariablesResolver={cssVariablesResolver}
        defaultColorScheme="light"
        getStyleNonce={getStyleNonce}
      >
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}
