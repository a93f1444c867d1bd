import * as argon2 from 'argon2';
import { describe, expect, it } from 'vitest';
import {
  burnPasswordCheck,
  DUMMY_PASSWORD_HASH,
  hashPassword,
  needsRehash,
  verifyPassword,
} from './password-hasher.ts';

// Each hash costs ~100 ms on purpose, so this file hashes as little as it can.
describe('password hasher', () => {
  it('verifies the right password and rejects a wrong one', async () => {
    const hash = await hashPassword('Kaffeetasse-Wolke-17-Fahrrad');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'Kaffeetasse-Wolke-17-Fahrrad')).toBe(true);
    expect(await verifyPassword(hash, 'kaffeetasse-Wolke-17-Fahrrad')).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('accepts the same password typed with a decomposed umlaut', async () => {
    const hash = await hashPassword('Grüne-Wiese-42!');
    expect(await verifyPassword(hash, 'Gru\u0308ne-Wiese-42!')).toBe(true);
  });

  it('treats a malformed hash as a mismatch instead of throwing', async () => {
    expect(await verifyPassword('', 'x')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
    expect(await verifyPassword('$argon2id$v=19$m=65536,p=1,t=2$broken', 'x')).toBe(false);
  });

  it('asks for a rehash when the stored parameters differ from the current ones', async () => {
    const weaker = await argon2.hash('x', {
      type: argon2.argon2id,
      memoryCost: 19_456,
      timeCost: 2,
      parallelism: 1,
    });
    expect(needsRehash(weaker)).toBe(true);
    expect(needsRehash('$2b$10$abcdefghijklmnopqrstuuG0mJ7b5n4a8l2Y3xkFQm9JbE6Zs0oG')).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
  });

  it('burns a verification with the current parameters', async () => {
    expect(needsRehash(DUMMY_PASSWORD_HASH)).toBe(false);
    await expect(burnPasswordCheck()).resolves.toBeUndefined();
  });
});
