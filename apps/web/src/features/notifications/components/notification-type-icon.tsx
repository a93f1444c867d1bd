import { ThemeIcon } from '@mantine/core';
import type { NotificationType } from '@nano/contracts';
import type { ReactNode } from 'react';
import { isNotificationType } from './notification-text.ts';

/** Inline SVG paths per type (no icon font, no emoji); decorative, the type's label says it in words. */
const PATHS: Record<NotificationType | 'other', ReactNode> = {
  // A shield with a tick: the moderation decided.
  'nano.review_decision': (
    <>
      <path d="M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6z" />
      <path d="m9 12 2 2 4-4" />
    </>
  ),
  // Two arrows in a circle: the status changed.
  'nano.status_changed': (
    <>
      <path d="M21 12a9 9 0 0 1-15.5 6.2L3 16" />
      <path d="M3 12a9 9 0 0 1 15.5-6.2L21 8" />
      <path d="M21 3v5h-5M3 21v-5h5" />
    </>
  ),
  // A star: a rating.
  'rating.received': <path d="m12 3 2.8 5.7 6.2.9-4.5 4.4 1.1 6.2L12 17.3l-5.6 2.9 1.1-6.2L3 9.6l6.2-.9z" />,
  // A speech bubble with an arrow back: a reply.
  'rating.reply_received': (
    <>
      <path d="M21 15a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z" />
      <path d="m11 8-3 3 3 3M8 11h7" />
    </>
  ),
  // A flag: a report.
  'flag.outcome': (
    <>
      <path d="M4 22V4" />
      <path d="M4 4h13l-2 4 2 4H4" />
    </>
  ),
  // A speech bubble: a message.
  'chat.message': <path d="M21 15a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z" />,
  // An arrow into a tray: a download.
  'data_export.ready': (
    <>
      <path d="M12 3v12M7 10l5 5 5-5" />
      <path d="M4 17v2a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-2" />
    </>
  ),
  // A scale: a moderation decision with its reasons.
  'moderation.decision': (
    <>
      <path d="M12 3v18M5 21h14M4 7h16" />
      <path d="m4 7-3 7h6zM20 7l-3 7h6z" />
    </>
  ),
  // A triangle with an exclamation mark: a complaint about the creator's Nano.
  'takedown.notice': (
    <>
      <path d="M12 3 2 21h20z" />
      <path d="M12 10v5M12 18h.01" />
    </>
  ),
  // A dot in a circle.
  other: (
    <>
      <circle cx="12" cy="12" r="9" />
      <circle cx="12" cy="12" r="1.5" />
    </>
  ),
};

const COLORS: Record<NotificationType | 'other', string> = {
  'nano.review_decision': 'blue.8',
  'nano.status_changed': 'gray.7',
  'rating.received': 'yellow.9',
  'rating.reply_received': 'teal.8',
  'flag.outcome': 'red.8',
  'chat.message': 'indigo.7',
  'data_export.ready': 'grape.8',
  'moderation.decision': 'orange.9',
  'takedown.notice': 'red.9',
  other: 'gray.7',
};

/** The round icon of a notification's type. */
export function NotificationTypeIcon({ type, size = 36 }: { type: string; size?: number }) {
  const key = isNotificationType(type) ? type : 'other';
  return (
    <ThemeIcon variant="light" color={COLORS[key]} radius="xl" size={size} aria-hidden="true">
      <svg
        width={Math.round(size * 0.55)}
        height={Math.round(size * 0.55)}
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth={2}
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        {PATHS[key]}
      </svg>
    </ThemeIcon>
  );
}
