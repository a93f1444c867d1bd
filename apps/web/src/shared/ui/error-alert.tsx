import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

interface ErrorAlertProps {
  /** The failure; an ApiError's localised problem title becomes the alert's title. */
  error: Error;
  /** What could not be done, in the user's words. */
  message: string;
  /** Tries again. */
  onRetry: () => void;
  /** True while the retry runs. */
  retrying: boolean;
}

/** A failed load, announced as an alert, with the server's localised problem title and a retry button. */
export function ErrorAlert({ error, message, onRetry, retrying }: ErrorAlertProps) {
  const { t } = useTranslation();
  const title = error instanceof ApiError ? error.title : t('routeError.title');
  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      // The default light-variant red (shade 8 on a red tint) misses the 4.5:1 contrast of WCAG AA.
      vars={() => ({ root: { '--alert-color': 'var(--mantine-color-red-9)' } })}
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{message}</Text>
        <Button variant="default" size="sm" onClick={onRetry} loading={retrying}>
          {t('errors.retry')}
        </Button>
      </Stack>
    </Alert>
  );
}
