// The bodies of docs/api.md "Auth" as zod schemas, for both ends: the server validates
// requests with them and the PWA checks its form input and parses the answers.
//
// Unlike the table schemas ([S3] "check, never transform"), `emailSchema` does
// normalise: an address is compared case-insensitively and stored lower-cased
// (docs/api.md), so trimming and lower-casing at parse time means client and server
// can never disagree about which account an address names. Passwords are never
// transformed. Lengths are JavaScript string lengths (UTF-16 code units), as
// everywhere in this contract; request objects are strict (an unknown key is a
// `400 invalid_request`, not silently dropped).
import { z } from 'zod';
import { isoTimeSchema } from './protocol';
import { idSchema } from './schemas/common';

export const EMAIL_MAX_LENGTH = 254;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 256;
/** Seconds an access token lives (docs/api.md: exp = iat + 900). */
export const ACCESS_TOKEN_TTL_S = 900;

/** Trimmed, lower-cased, at most 254 chars, and an address. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .refine((s) => s.length <= EMAIL_MAX_LENGTH, `must be at most ${EMAIL_MAX_LENGTH} characters`)
  .pipe(z.email('not an email address'));

/** A new password: 8..256 chars, taken as typed. */
export const passwordSchema = z
  .string()
  .refine(
    (s) => s.length >= PASSWORD_MIN_LENGTH,
    `must be at least ${PASSWORD_MIN_LENGTH} characters`,
  )
  .refine(
    (s) => s.length <= PASSWORD_MAX_LENGTH,
    `must be at most ${PASSWORD_MAX_LENGTH} characters`,
  );

/**
 * A password being checked (login, current password, account deletion): any
 * non-empty string up to the maximum, so a rule tightened later never locks out
 * an account whose password met the old one.
 */
export const passwordCheckSchema = z
  .string()
  .refine((s) => s.length >= 1, 'must not be empty')
  .refine(
    (s) => s.length <= PASSWORD_MAX_LENGTH,
    `must be at most ${PASSWORD_MAX_LENGTH} characters`,
  );

/** `POST /api/auth/register` (and the sign-up form): a new password must meet the rules. */
export const credentialsSchema = z.strictObject({ email: emailSchema, password: passwordSchema });
export type Credentials = z.output<typeof credentialsSchema>;

/** `POST /api/auth/login`: the same shape, but any stored password may be tried. */
export const loginSchema = z.strictObject({ email: emailSchema, password: passwordCheckSchema });

/** `POST /api/auth/refresh` and `/logout`: the body is `{}` (the cookie carries the token). */
export const emptyBodySchema = z.strictObject({});

/** `POST /api/auth/password` (Bearer). */
export const changePasswordSchema = z.strictObject({
  currentPassword: passwordCheckSchema,
  newPassword: passwordSchema,
});
export type ChangePassword = z.output<typeof changePasswordSchema>;

/** `DELETE /api/account` (Bearer). */
export const deleteAccountSchema = z.strictObject({ password: passwordCheckSchema });
export type DeleteAccount = z.output<typeof deleteAccountSchema>;

/** The account as every session answer and `GET /api/account` show it. */
export const userSchema = z.object({
  id: idSchema,
  email: z.string(),
  createdAt: isoTimeSchema,
});
export type User = z.output<typeof userSchema>;

/** The answer of a successful register, login, refresh or password change. */
export const sessionResponseSchema = z.object({
  user: userSchema,
  accessToken: z.string().min(1),
  expiresIn: z.number().int().positive(),
});
export type SessionResponse = z.output<typeof sessionResponseSchema>;

/** `GET /api/account/export`: the user and one object per row of each synced table. */
export const accountExportSchema = z.object({
  user: userSchema,
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
export type AccountExport = z.output<typeof accountExportSchema>;
