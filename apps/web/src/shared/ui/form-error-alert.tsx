import { Alert, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';

/** Alert texts need the darker red to reach the 4.5:1 contrast of WCAG AA on the light tint. */
const READABLE_RED = { root: { '--alert-color': 'var(--mantine-color-red-9)' } };

interface ProblemAlertProps {
  title: string;
  children?: ReactNode;
}

/** Something the user has to know went wrong, announced to screen readers (role alert). */
export function ProblemAlert({ title, children }: ProblemAlertProps) {
  return (
    <Alert color="red" variant="light" title={title} vars={() => READABLE_RED}>
      {children && (
        <Stack gap="sm" align="flex-start">
          {children}
        </Stack>
      )}
    </Alert>
  );
}

interface FormErrorAlertProps {
  /** The failure of the last submit, or null. */
  error: Error | null;
  /** Extra help or actions under the message (e.g. "send the link again"). */
  children?: ReactNode;
}

/**
 * Why a form could not be sent: the server's localised problem title (and detail). Field
 * errors of the same problem are shown at their inputs as well.
 */
export function FormErrorAlert({ error, children }: FormErrorAlertProps) {
  const { t } = useTranslation();
  if (!error) {
    return null;
  }
  const title = error instanceof ApiError ? error.title : t('routeError.title');
  const detail = error instanceof ApiError ? error.problem.detail : undefined;
  return (
    <ProblemAlert title={title}>
      {detail && <Text size="sm">{detail}</Text>}
      {children}
    </ProblemAlert>
  );
}
