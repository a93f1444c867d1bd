/** Every limit and lifetime of the identity module, named once (SPEC §4.1). */

/** Lifetime of the access JWT cookie. */
export const ACCESS_TOKEN_TTL_MS = 15 * 60_000;
/** Lifetime of one refresh token; each refresh issues a new one. */
export const REFRESH_TOKEN_TTL_MS = 7 * 24 * 60 * 60_000;
/** A session whose last refresh is older than this cannot be refreshed. */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60_000;
/**
 * A rotated refresh token presented again within this window is a race between two tabs of
 * the same browser (both refreshed at once), not theft: refused, but the session survives.
 */
export const REFRESH_REUSE_GRACE_MS = 10_000;

export const VERIFY_EMAIL_TOKEN_TTL_MS = 24 * 60 * 60_000;
export const RESET_PASSWORD_TOKEN_TTL_MS = 60 * 60_000;
export const CHANGE_EMAIL_TOKEN_TTL_MS = 24 * 60 * 60_000;

/** Consecutive failed logins that lock an account. */
export const LOGIN_FAILURES_BEFORE_LOCK = 5;
/** The first lock; each further lock doubles it, up to the maximum. */
export const LOCK_BASE_MS = 15 * 60_000;
export const LOCK_MAX_MS = 24 * 60 * 60_000;
/** Login attempts per client IP and minute, counted in the shared store across instances. */
export const LOGIN_ATTEMPTS_PER_IP_PER_MINUTE = 20;

/** How long the password step of a 2FA login stays valid, and how many codes it may try. */
export const TWO_FACTOR_PENDING_TTL_MS = 5 * 60_000;
export const TWO_FACTOR_MAX_ATTEMPTS = 5;

/** Resend-verification and reset requests per email address and hour. */
export const EMAIL_REQUESTS_PER_HOUR = 5;

/** Cookie names. Only `nm_csrf` is readable by JavaScript (double-submit CSRF defence). */
export const COOKIE_ACCESS = 'nm_access';
export const COOKIE_REFRESH = 'nm_refresh';
export const COOKIE_TWO_FACTOR = 'nm_2fa';
export const COOKIE_CSRF = 'nm_csrf';
/** The refresh and 2FA cookies are only sent to the auth endpoints. */
export const AUTH_COOKIE_PATH = '/api/v1/auth';
export const CSRF_HEADER = 'x-csrf-token';
