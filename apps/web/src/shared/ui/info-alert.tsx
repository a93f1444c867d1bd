import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

/** The light-variant blue text misses the 4.5:1 contrast of WCAG AA on its tint; shade 9 passes. */
const READABLE_BLUE = { root: { '--alert-color': 'var(--mantine-color-blue-9)' } };

interface InfoAlertProps {
  title: string;
  children?: ReactNode;
  /** `status` for a change announced politely; by default a note, which is not announced on its own. */
  role?: 'status' | 'note';
}

/** Something the user should know about the page's state (not an error). */
export function InfoAlert({ title, children, role = 'note' }: InfoAlertProps) {
  return (
    <Alert color="blue" variant="light" title={title} role={role} vars={() => READABLE_BLUE}>
      {children}
    </Alert>
  );
}
