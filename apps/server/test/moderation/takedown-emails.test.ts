import { MODERATION_LIMITS } from '@nano/contracts';
import { describe, expect, it } from 'vitest';
import { renderComplainantMail, takedownConfirmUrl } from '../../src/modules/moderation/takedowns.emails.ts';
import { renderNotificationMail } from '../../src/modules/notifications/notifications.emails.ts';

const PUBLIC_URL = 'https://nano.example';

function noticePayload(title: string, work: string) {
  return {
    noticeId: crypto.randomUUID(),
    nanoId: crypto.randomUUID(),
    title,
    complainantName: 'Rights Holder Ltd',
    work,
    originalLocation: 'https://publisher.example/original',
    responseDueAt: '2026-03-02T10:00:00.000Z',
  };
}

describe('takedown emails', () => {
  it('asks the complainant to confirm, in their language, naming what happens next', () => {
    const url = takedownConfirmUrl(PUBLIC_URL, 'abc_DEF-123');
    expect(url).toBe('https://nano.example/rechtsverletzung-melden/bestaetigen?token=abc_DEF-123');
    const en = renderComplainantMail('en', { kind: 'confirm', name: 'Rita', nanoTitle: 'Fractions', url });
    expect(en.subject).toBe('Please confirm your notice of an infringement');
    expect(en.text).toContain(`The link is valid for ${MODERATION_LIMITS.takedownConfirmHours} hours.`);
    expect(en.text).toContain('The creator learns your name, but not your email address.');
    expect(en.text).toContain(url);
    expect(en.html).toContain('lang="en"');
    const de = renderComplainantMail('de', {
      kind: 'rejected',
      name: 'Rita',
      nanoTitle: 'Brüche',
      statement: 'Gemeinfrei.',
    });
    expect(de.subject).toBe('Ihre Meldung wurde zurückgewiesen: Brüche');
    expect(de.text).toContain('Begründung: Gemeinfrei.');
  });

  it('tells the creator about a notice with every detail, also when several arrive in one email', () => {
    const single = renderNotificationMail('en', {
      name: 'Carla',
      type: 'takedown.notice',
      payloads: [noticePayload('Fractions', 'Worksheets "Fractions 5"')],
      total: 1,
      publicUrl: PUBLIC_URL,
    });
    expect(single.subject).toBe('Notice of an infringement: Fractions');
    expect(single.text).toContain('Complainant: Rights Holder Ltd');
    expect(single.text).toContain('You can respond (counter-notice) until 2 March 2026');
    expect(single.text).toContain('https://nano.example/meine-nanos/beschwerden');
    // A legal notice cannot be switched off, so the footer does not offer it.
    expect(single.text).toContain('legally required notice');

    const batch = renderNotificationMail('de', {
      name: 'Carla',
      type: 'takedown.notice',
      payloads: [noticePayload('Brüche', 'Arbeitsblatt A'), noticePayload('Prozente', 'Arbeitsblatt B')],
      total: 2,
      publicUrl: PUBLIC_URL,
    });
    expect(batch.subject).toBe('2 neue Benachrichtigungen: Beschwerden über Ihre Nanos');
    for (const work of ['Arbeitsblatt A', 'Arbeitsblatt B']) {
      expect(batch.text).toContain(`Betroffenes Werk: ${work}`);
    }
    expect(batch.text.match(/Sie können bis zum 2\. März 2026/g)).toHaveLength(2);
  });
});
