import { NOTIFICATION_TYPES } from '@nano/contracts';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../../shared/i18n/i18n.ts';
import { createNotification } from '../../../testing/factories.ts';
import { describeNotification, notificationTypeLabel } from './notification-text.ts';
import { formatRelativeTime } from './relative-time.ts';

const de = i18n.getFixedT('de');
const en = i18n.getFixedT('en');
const nanoId = '0190a5f2-0000-7000-8000-000000000001';

describe('notification texts', () => {
  it('describes every type with a text, a label and the page it leads to', () => {
    const cases: Array<[string, Record<string, unknown>, string, string | undefined]> = [
      [
        'nano.review_decision',
        { nanoId, title: 'Excel-Basics', decision: 'request_changes', note: 'Quellen fehlen.' },
        'Die Moderation bittet um Änderungen an „Excel-Basics“.',
        `/nanos/${nanoId}/bearbeiten`,
      ],
      [
        'nano.status_changed',
        { nanoId, title: 'Excel-Basics', status: 'deleted' },
        '„Excel-Basics“ hat jetzt den Status: Gelöscht',
        '/meine-nanos',
      ],
      [
        'rating.received',
        { nanoId, nanoTitle: 'SQL-Joins', score: 4, hasComment: true, raterName: 'Lena Lernt' },
        'Lena Lernt hat „SQL-Joins“ mit 4 von 5 Sternen bewertet und kommentiert.',
        `/nanos/${nanoId}#bewertungen`,
      ],
      [
        'rating.reply_received',
        { nanoId, nanoTitle: 'SQL-Joins', creatorName: 'Clara Creator' },
        'Clara Creator hat auf Ihre Bewertung von „SQL-Joins“ geantwortet.',
        `/nanos/${nanoId}#bewertungen`,
      ],
      [
        'flag.outcome',
        { nanoId, title: 'SQL-Joins' },
        'Ihre Meldung zu „SQL-Joins“ wurde bearbeitet.',
        `/nanos/${nanoId}`,
      ],
      ['chat.message', {}, 'Sie haben eine neue Nachricht.', undefined],
      [
        'chat.message',
        { chatId: nanoId, nanoId, nanoTitle: 'SQL-Joins', senderName: 'Clara', preview: 'Hallo!' },
        'Neue Nachricht zu „SQL-Joins“',
        `/chats/${nanoId}`,
      ],
      ['data_export.ready', {}, 'Ihr Datenexport steht zum Herunterladen bereit.', '/konto/meine-daten'],
      [
        'moderation.decision',
        { decisionId: nanoId, title: 'SQL-Joins', action: 'archive', statement: 'Ohne Lizenz übernommen.' },
        'Entscheidung der Moderation zu „SQL-Joins“',
        '/meine-entscheidungen',
      ],
      [
        'takedown.notice',
        { nanoId, title: 'SQL-Joins' },
        'Beschwerde wegen Rechtsverletzung zu „SQL-Joins“',
        '/meine-nanos/beschwerden',
      ],
    ];
    expect(new Set(cases.map(([type]) => type))).toEqual(new Set(NOTIFICATION_TYPES));
    for (const [type, payload, text, href] of cases) {
      const view = describeNotification(createNotification({ type, payload }), de);
      expect(view.text, type).toBe(text);
      expect(view.href, type).toBe(href);
      expect(notificationTypeLabel(type, de)).not.toBe('Benachrichtigung');
    }
  });

  it('shows who wrote what in a chat notification', () => {
    const view = describeNotification(
      createNotification({
        type: 'chat.message',
        payload: { chatId: nanoId, senderName: 'Clara', preview: 'Hallo!' },
      }),
      de,
    );
    expect(view.detail).toBe('Clara: Hallo!');
  });

  it('falls back to neutral texts for unknown types and incomplete payloads, also in English', () => {
    expect(describeNotification(createNotification({ type: 'future.thing', payload: {} }), de)).toEqual({
      text: 'Neue Benachrichtigung',
      href: undefined,
    });
    expect(notificationTypeLabel('future.thing', de)).toBe('Benachrichtigung');
    expect(
      describeNotification(createNotification({ type: 'rating.received', payload: { nanoId } }), en).text,
    ).toBe('Someone rated “Your Nano”.');
    expect(
      describeNotification(
        createNotification({
          type: 'rating.received',
          payload: { nanoTitle: 'SQL', score: 5, raterName: 'Ann' },
        }),
        en,
      ).text,
    ).toBe('Ann rated “SQL” 5 out of 5 stars.');
  });

  it('says how long ago, and the date for older ones', () => {
    const now = Date.parse('2026-05-04T12:00:00.000Z');
    expect(formatRelativeTime('2026-05-04T11:59:30.000Z', 'de', now)).toBe('jetzt');
    expect(formatRelativeTime('2026-05-04T11:55:00.000Z', 'de', now)).toBe('vor 5 Minuten');
    expect(formatRelativeTime('2026-05-04T09:00:00.000Z', 'en', now)).toBe('3 hours ago');
    expect(formatRelativeTime('2026-05-03T10:00:00.000Z', 'de', now)).toBe('gestern');
    expect(formatRelativeTime('2026-04-01T10:00:00.000Z', 'de', now)).toMatch(/2026/);
  });
});
