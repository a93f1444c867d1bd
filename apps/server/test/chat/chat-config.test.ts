import { CHAT_LIMITS } from '@nano/contracts';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('chat configuration', () => {
  it('reads the blocked domains as lower-case host names and the message rate with its default', () => {
    expect(loadConfig({}).chat).toEqual({
      blockedDomains: [],
      messagesPerMinute: CHAT_LIMITS.messagesPerMinute,
    });
    const config = loadConfig({
      CHAT_BLOCKED_DOMAINS: ' Spam.Example. , spam.example,,werbung.co.uk ',
      CHAT_MESSAGES_PER_MINUTE: '600',
    });
    expect(config.chat).toEqual({
      blockedDomains: ['spam.example', 'werbung.co.uk'],
      messagesPerMinute: 600,
    });
  });

  it('names every bad value', () => {
    let error: unknown;
    try {
      loadConfig({
        CHAT_BLOCKED_DOMAINS: 'ok.example,https://x.example/,kein domain',
        CHAT_MESSAGES_PER_MINUTE: '0',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('CHAT_BLOCKED_DOMAINS: not a domain name: https://x.example/, kein domain');
    expect(problems).toContain('CHAT_MESSAGES_PER_MINUTE');
  });
});
