import * as argon2 from 'argon2';

/*
 * Argon2id parameters. OWASP (Password Storage Cheat Sheet) names m=19 MiB, t=2, p=1 as the
 * minimum; we keep t=2, p=1 and spend the rest of the 50–150 ms budget on memory, which is what
 * makes GPU/ASIC attacks expensive. p=1 because the server has 2 cores: a second lane would only
 * shorten one login while halving how many can run at once.
 *
 * Measured 2026-11-26 on this 2-core machine (Intel Xeon, Node 20, argon2 0.45): one hash or
 * verify takes ≈ 118 ms uncontended (fastest of 21 runs, three series); while parallel builds
 * loaded both cores the median was 119–190 ms. For comparison 19 MiB/t=2 took 28–65 ms and
 * 96 MiB/t=2 ≈ 192 ms uncontended, over budget.
 * Re-measure when the hardware changes; `needsRehash` upgrades stored hashes at the next login.
 */

/** Argon2id memory cost in KiB (64 MiB). */
export const ARGON2_MEMORY_COST_KIB = 65_536;
/** Argon2id passes over the memory. */
export const ARGON2_TIME_COST = 2;
/** Argon2id lanes. */
export const ARGON2_PARALLELISM = 1;

const options = {
  type: argon2.argon2id,
  memoryCost: ARGON2_MEMORY_COST_KIB,
  timeCost: ARGON2_TIME_COST,
  parallelism: ARGON2_PARALLELISM,
} as const;

/**
 * A hash with exactly the parameters above, of a password nobody knows. Verifying against it
 * costs what a real verification costs; the test suite fails if the parameters change without
 * this being regenerated.
 */
export const DUMMY_PASSWORD_HASH =
  '$argon2id$v=19$m=65536,p=1,t=2$fY36gtkYg3woPHLUsFVvtw$hZvBLIlyB6pHwdUpVexzgEZGfxpgayCFpSF3+dFoDE4';

/**
 * NFKC so the same password typed on another keyboard or OS (composed vs decomposed umlauts,
 * full-width forms) still verifies, as NIST SP 800-63B recommends. Applied on hash and verify.
 */
function normalise(plain: string): string {
  return plain.normalize('NFKC');
}

/** Hashes a password with Argon2id and a random salt; the result is a self-describing PHC string. */
export async function hashPassword(plain: string): Promise<string> {
  return argon2.hash(normalise(plain), options);
}

/**
 * Checks a password against a stored hash. Never throws: a malformed or foreign hash is simply
 * not a match, so a corrupt row cannot turn a login into a 500.
 */
export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, normalise(plain));
  } catch {
    return false;
  }
}

/**
 * True when a stored hash was made with other parameters (or another algorithm) than the current
 * ones, so the caller re-hashes the password it just verified and stores the new hash.
 */
export function needsRehash(hash: string): boolean {
  if (!hash.startsWith('$argon2id$')) {
    return true;
  }
  try {
    return argon2.needsRehash(hash, {
      memoryCost: ARGON2_MEMORY_COST_KIB,
      timeCost: ARGON2_TIME_COST,
      parallelism: ARGON2_PARALLELISM,
    });
  } catch {
    return true;
  }
}

/**
 * Spends the time of one password verification without a real account. Call it when the login
 * name is unknown or the account is locked, so the response time does not reveal which accounts
 * exist (user enumeration).
 */
export async function burnPasswordCheck(): Promise<void> {
  await verifyPassword(DUMMY_PASSWORD_HASH, 'not-the-password');
}
