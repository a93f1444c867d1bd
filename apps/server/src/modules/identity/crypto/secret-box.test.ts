import { describe, expect, it } from 'vitest';
import { createSecretBox, deriveKey, SecretBoxError } from './secret-box.ts';

const oldKey = { id: '2025', key: deriveKey('first-secret-at-least-32-characters!!', 'field-encryption') };
const newKey = { id: '2026', key: deriveKey('second-secret-at-least-32-characters!', 'field-encryption') };

/** Swaps one character of a base64url string for another valid one. */
function flip(text: string, at: number): string {
  const char = text[at] === 'A' ? 'B' : 'A';
  return text.slice(0, at) + char + text.slice(at + 1);
}

describe('createSecretBox', () => {
  it('round-trips text, with a fresh IV each time', () => {
    const box = createSecretBox([oldKey], '2025');
    const a = box.encrypt('+49 170 1234567');
    const b = box.encrypt('+49 170 1234567');
    expect(a).toMatch(/^v1\.2025\.[\w-]{16}\.[\w-]{22}\.[\w-]+$/);
    expect(a).not.toBe(b);
    expect(box.decrypt(a)).toBe('+49 170 1234567');
    expect(box.decrypt(box.encrypt(''))).toBe('');
    expect(box.decrypt(box.encrypt('Grüße 👋'))).toBe('Grüße 👋');
  });

  it('still decrypts old values after a new key becomes current', () => {
    const before = createSecretBox([oldKey], '2025').encrypt('+49 170 1234567');
    const after = createSecretBox([newKey, oldKey], '2026');
    expect(after.decrypt(before)).toBe('+49 170 1234567');
    expect(after.encrypt('x')).toMatch(/^v1\.2026\./);
  });

  it('names the key id when that key is no longer configured', () => {
    const stored = createSecretBox([oldKey], '2025').encrypt('x');
    expect(() => createSecretBox([newKey], '2026').decrypt(stored)).toThrow(/unknown key id "2025"/);
  });

  it('supports key ids containing dots', () => {
    const box = createSecretBox([{ id: 'k.2026', key: newKey.key }], 'k.2026');
    expect(box.decrypt(box.encrypt('x'))).toBe('x');
  });

  it('throws on a tampered or relabelled value', () => {
    const box = createSecretBox([oldKey, newKey], '2025');
    const stored = box.encrypt('+49 170 1234567');
    const [version, keyId, iv = '', tag = '', ciphertext = ''] = stored.split('.');
    const variants = [
      [version, keyId, iv, tag, flip(ciphertext, 0)],
      [version, keyId, iv, flip(tag, 0), ciphertext],
      [version, keyId, flip(iv, 0), tag, ciphertext],
      [version, '2026', iv, tag, ciphertext],
    ];
    for (const parts of variants) {
      expect(() => box.decrypt(parts.join('.'))).toThrow(SecretBoxError);
    }
    expect(() => box.decrypt('+49 170 1234567')).toThrow(SecretBoxError);
    expect(() => box.decrypt(`v2${stored.slice(2)}`)).toThrow(SecretBoxError);
  });

  it('refuses a bad key set up front', () => {
    expect(() => createSecretBox([{ id: 'short', key: Buffer.alloc(16) }], 'short')).toThrow(/32 bytes/);
    expect(() => createSecretBox([oldKey], 'missing')).toThrow(/not among the keys/);
    expect(() => createSecretBox([oldKey, oldKey], '2025')).toThrow(/duplicate/);
  });
});

describe('deriveKey', () => {
  it('gives 32 stable bytes, different per purpose and per secret', () => {
    const secret = 'a-configured-secret-of-32-characters';
    expect(deriveKey(secret, 'field-encryption')).toHaveLength(32);
    expect(deriveKey(secret, 'field-encryption').equals(deriveKey(secret, 'field-encryption'))).toBe(true);
    expect(deriveKey(secret, 'field-encryption').equals(deriveKey(secret, 'totp'))).toBe(false);
    expect(deriveKey(`${secret}!`, 'field-encryption').equals(deriveKey(secret, 'field-encryption'))).toBe(
      false,
    );
  });
});
