import { z } from 'zod';
import { localeSchema } from './common.ts';
import { pendingLegalSchema } from './privacy.ts';

/** Roles, lowest to highest privilege. */
export const ROLES = ['consumer', 'creator', 'moderator', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/**
 * `restricted`: frozen on the user's request (Art. 18) until an admin lifts it; `deactivated`:
 * erasure requested, anonymised when the cancellation window ends; `deleted`: anonymised.
 */
export const USER_STATUSES = ['active', 'suspended', 'restricted', 'deactivated', 'deleted'] as const;
export const userStatusSchema = z.enum(USER_STATUSES);
export type UserStatus = z.infer<typeof userStatusSchema>;

/** Field limits of accounts and profiles (SPEC §3). */
export const IDENTITY_LIMITS = {
  emailMax: 254,
  usernameMin: 3,
  usernameMax: 30,
  displayNameMax: 80,
  passwordMin: 8,
  passwordMax: 128,
  bioMax: 500,
  companyMax: 120,
  jobTitleMax: 120,
  websiteMax: 200,
  phoneMax: 30,
  interestsMax: 5,
  totpCodeLength: 6,
  backupCodeCount: 10,
} as const;

export const emailSchema = z
  .email()
  .max(IDENTITY_LIMITS.emailMax)
  .transform((value) => value.trim().toLowerCase());

/** Lower-case letters, digits, `-` and `_`; starts with a letter or digit. */
export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(IDENTITY_LIMITS.usernameMin)
  .max(IDENTITY_LIMITS.usernameMax)
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'username_format');

/** The structural rule; strength (zxcvbn, common list) is checked by the server. */
export const newPasswordSchema = z
  .string()
  .min(IDENTITY_LIMITS.passwordMin)
  .max(IDENTITY_LIMITS.passwordMax)
  .regex(/[A-ZÄÖÜ]/, 'password_needs_upper')
  .regex(/[0-9]/, 'password_needs_digit')
  .regex(/[^A-Za-z0-9ÄÖÜäöüß]/, 'password_needs_special');

export const displayNameSchema = z.string().trim().min(1).max(IDENTITY_LIMITS.displayNameMax);

/** `POST /auth/register`. */
export const registerRequestSchema = z.object({
  email: emailSchema,
  username: usernameSchema,
  password: newPasswordSchema,
  displayName: displayNameSchema,
  /** Must be true: the terms of use in their current version. */
  acceptTerms: z.literal(true),
  /** Must be true: the privacy policy in its current version. */
  acceptPrivacy: z.literal(true),
  /** Optional opt-in to notification emails (chat, ratings, review results, search alerts); off unless ticked. */
  acceptNotificationEmails: z.boolean().default(false),
  locale: localeSchema.default('de'),
});
export type RegisterRequest = z.input<typeof registerRequestSchema>;

/** Generic acknowledgement for enumeration-safe endpoints. */
export const acceptedResponseSchema = z.object({ status: z.literal('accepted') });

export const tokenRequestSchema = z.object({ token: z.string().min(16).max(200) });
export const emailRequestSchema = z.object({ email: emailSchema });

/** `POST /auth/login`. */
export const loginRequestSchema = z.object({
  /** Email address or username. */
  login: z.string().trim().min(1).max(IDENTITY_LIMITS.emailMax),
  password: z.string().min(1).max(IDENTITY_LIMITS.passwordMax),
});

/** `POST /auth/login/2fa`: exactly one of code (TOTP) or backupCode. */
export const twoFactorLoginRequestSchema = z
  .object({
    code: z
      .string()
      .regex(/^\d{6}$/)
      .optional(),
    backupCode: z.string().trim().min(8).max(20).optional(),
  })
  .refine((v) => (v.code === undefined) !== (v.backupCode === undefined), { message: 'code_or_backup_code' });

/** The signed-in user as `GET /auth/me` and login return it. */
export const currentUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  status: userStatusSchema,
  emailVerified: z.boolean(),
  twoFactorEnabled: z.boolean(),
  locale: localeSchema,
  /** The user must change the password before anything else (first staff login). */
  mustChangePassword: z.boolean(),
  /** Staff without 2FA must enrol before anything else. */
  mustEnrollTwoFactor: z.boolean(),
  /** Privacy policy or terms versions to accept before anything else (empty: none). */
  pendingLegal: z.array(pendingLegalSchema),
  avatarUrl: z.string().nullable(),
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

/** Answer of `POST /auth/login` and `POST /auth/login/2fa`. */
export const loginResponseSchema = z.union([
  z.object({ twoFactorRequired: z.literal(true) }),
  z.object({ twoFactorRequired: z.literal(false), user: currentUserSchema }),
]);
export type LoginResponse = z.infer<typeof loginResponseSchema>;

/** One signed-in device, `GET /auth/sessions`. */
export const sessionSchema = z.object({
  id: z.uuid(),
  userAgent: z.string().nullable(),
  /** Anonymised address (/24 IPv4, /48 IPv6). */
  ip: z.string().nullable(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime(),
  current: z.boolean(),
});
export const sessionListSchema = z.object({ items: z.array(sessionSchema) });
export type Session = z.infer<typeof sessionSchema>;

export const passwordChangeRequestSchema = z.object({
  currentPassword: z.string().min(1).max(IDENTITY_LIMITS.passwordMax),
  newPassword: newPasswordSchema,
});
export const passwordResetConfirmSchema = z.object({
  token: z.string().min(16).max(200),
  newPassword: newPasswordSchema,
});
export const emailChangeRequestSchema = z.object({
  newEmail: emailSchema,
  password: z.string().min(1).max(IDENTITY_LIMITS.passwordMax),
});

export const twoFactorSetupResponseSchema = z.object({
  /** Base32 secret, for manual entry. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** PNG data URL of the QR code of `otpauthUri`. */
  qrDataUrl: z.string(),
});
export const twoFactorCodeRequestSchema = z.object({ code: z.string().regex(/^\d{6}$/) });
export const twoFactorDisableRequestSchema = z.object({
  password: z.string().min(1).max(IDENTITY_LIMITS.passwordMax),
  code: z.string().regex(/^\d{6}$/),
});
/** Shown once: store them safely. */
export const backupCodesResponseSchema = z.object({
  backupCodes: z.array(z.string()).length(IDENTITY_LIMITS.backupCodeCount),
});

/** The owner's full profile, `GET /me/profile`. */
export const profileSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  bio: z.string().nullable(),
  company: z.string().nullable(),
  jobTitle: z.string().nullable(),
  website: z.string().nullable(),
  /** Stored encrypted; only the owner sees it. */
  phone: z.string().nullable(),
  /** Up to 5 category ids. */
  interests: z.array(z.uuid()),
  locale: localeSchema,
  avatarUrl: z.string().nullable(),
  role: roleSchema,
});
export type Profile = z.infer<typeof profileSchema>;

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** `PATCH /me/profile`: only the fields given change; null clears a field. */
export const profileUpdateSchema = z.object({
  displayName: displayNameSchema.optional(),
  bio: optionalText(IDENTITY_LIMITS.bioMax),
  company: optionalText(IDENTITY_LIMITS.companyMax),
  jobTitle: optionalText(IDENTITY_LIMITS.jobTitleMax),
  website: z
    .url({ protocol: /^https?$/ })
    .max(IDENTITY_LIMITS.websiteMax)
    .nullable()
    .optional(),
  phone: z
    .string()
    .trim()
    .max(IDENTITY_LIMITS.phoneMax)
    .regex(/^\+?[0-9 ()/-]{5,}$/, 'phone_format')
    .nullable()
    .optional(),
  interests: z.array(z.uuid()).max(IDENTITY_LIMITS.interestsMax).optional(),
  locale: localeSchema.optional(),
});
export type ProfileUpdate = z.input<typeof profileUpdateSchema>;

/** `GET /users/{username}`: what others may see. */
export const publicProfileSchema = z.object({
  /** The account's id: the target of a report (`POST /flags` with `targetType: 'user'`). */
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  avatarUrl: z.string().nullable(),
  /** Only for creators (public card); null for consumers. */
  bio: z.string().nullable(),
  company: z.string().nullable(),
  jobTitle: z.string().nullable(),
  website: z.string().nullable(),
  verified: z.boolean(),
  memberSince: z.iso.datetime(),
});
export type PublicProfile = z.infer<typeof publicProfileSchema>;
