import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** A data-encryption key; `id` is written into every value it encrypts. */
export interface SecretBoxKey {
  id: string;
  /** 32 bytes (AES-256); derive it with {@link deriveKey}. */
  key: Buffer;
}

/** Encrypts single database fields (e.g. phone numbers) at rest. */
export interface SecretBox {
  /** Encrypts with the current key: `v1.<keyId>.<iv>.<tag>.<ciphertext>`, base64url parts. */
  encrypt(plain: string): string;
  /** Decrypts with the key named in the value; throws {@link SecretBoxError} if it cannot. */
  decrypt(stored: string): string;
}

/** A stored value that cannot be decrypted: malformed, unknown key id, or altered. */
export class SecretBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretBoxError';
  }
}

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_BYTES = 32;
// 96-bit random IVs are GCM's native size; collisions stay negligible below ~2^32 encryptions per key.
const IV_BYTES = 12;
const TAG_BYTES = 16;

/*
 * The version and key id are authenticated as associated data, so a value cannot be relabelled
 * to another key or format without failing the tag check.
 */
function associatedData(keyId: string): Buffer {
  return Buffer.from(`${VERSION}.${keyId}`, 'utf8');
}

/**
 * Creates an AES-256-GCM field encryptor. Every key stays usable for decryption, the current one
 * also encrypts: to rotate, add a new key, make it current, and re-encrypt old rows at leisure.
 */
export function createSecretBox(keys: SecretBoxKey[], currentKeyId: string): SecretBox {
  const byId = new Map<string, Buffer>();
  for (const { id, key } of keys) {
    if (id.length === 0) {
      throw new Error('secret box: key id must not be empty');
    }
    if (key.length !== KEY_BYTES) {
      throw new Error(`secret box: key "${id}" must be ${KEY_BYTES} bytes, got ${key.length}`);
    }
    if (byId.has(id)) {
      throw new Error(`secret box: duplicate key id "${id}"`);
    }
    byId.set(id, key);
  }
  const currentKey = byId.get(currentKeyId);
  if (!currentKey) {
    throw new Error(`secret box: current key id "${currentKeyId}" is not among the keys`);
  }

  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, currentKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(associatedData(currentKeyId));
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, currentKeyId, iv, tag, ciphertext]
        .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
        .join('.');
    },

    decrypt(stored) {
      const parts = stored.split('.');
      // Key ids from config may contain dots; the base64url parts never do, so count from the end.
      if (parts.length < 5 || parts[0] !== VERSION) {
        throw new SecretBoxError('secret box: not a v1 encrypted value');
      }
      const [ivText = '', tagText = '', ciphertextText = ''] = parts.slice(-3);
      const keyId = parts.slice(1, -3).join('.');
      const key = byId.get(keyId);
      if (!key) {
        throw new SecretBoxError(`secret box: unknown key id "${keyId}" (was it removed from the key list?)`);
      }
      const iv = Buffer.from(ivText, 'base64url');
      const tag = Buffer.from(tagText, 'base64url');
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) {
        throw new SecretBoxError('secret box: malformed value');
      }
      try {
        const decipher = createDecipheriv(ALGORITHM, key, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(associatedData(keyId));
        decipher.setAuthTag(tag);
        const ciphertext = Buffer.from(ciphertextText, 'base64url');
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError('secret box: value was tampered with or encrypted with another key');
      }
    },
  };
}

// Fixed per application, so the same secret used by another product yields unrelated keys.
const HKDF_SALT = 'nano-marktplatz/hkdf/v1';

/**
 * Derives a 32-byte key for one purpose (e.g. 'field-encryption') from a configured secret with
 * HKDF-SHA256, so one secret can feed several uses without one key ever serving two of them.
 */
export function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, HKDF_SALT, purpose, KEY_BYTES));
}
