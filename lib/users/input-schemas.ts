import { z } from 'zod';
import { roles } from '@/lib/auth/roles';

// Input at the API boundary for users, accounts and tokens. Objects are strict: an unknown field is
// an error, not ignored. Password strength is checked in the domain, where the owner is known.
const noControlCharacters = (value: string) => !/[\u0000-\u001F\u007F]/.test(value);

const name = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(200, 'must be at most 200 characters')
  .refine(noControlCharacters, 'must not contain control characters');

export const emailAddress = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'is required')
  .max(320, 'must be at most 320 characters')
  .pipe(z.email('must be an e-mail address'));

const role = z.enum(roles, 'must be one of ADMIN, EDITOR, REVIEWER');

export const createUserInput = z.strictObject({ name, email: emailAddress, role: role.default('REVIEWER') });
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z
  .strictObject({ name: name.optional(), email: emailAddress.optional(), role: role.optional() })
  .refine((input) => input.name !== undefined || input.email !== undefined || input.role !== undefined, 'give at least one of name, email, role');
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const setUserActiveInput = z.strictObject({ active: z.boolean() });

// Query strings: every value arrives as a string.
export const listUsersQuery = z.strictObject({
  q: z.string().trim().max(200, 'must be at most 200 characters').optional(),
  role: role.optional(),
  active: z.enum(['true', 'false'], 'must be true or false').transform((value) => value === 'true').optional(),
  page: z.coerce.number('must be a number').int().min(1, 'must be 1 or more').default(1),
  pageSize: z.coerce.number('must be a number').int().min(1).max(200, 'must be at most 200').default(50),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

const password = z.string().max(1024, 'must be at most 1024 characters');

export const changeOwnPasswordInput = z.strictObject({
  currentPassword: password.min(1, 'is required'),
  newPassword: password,
});
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordInput>;

export const acceptInvitationInput = z.strictObject({ token: z.string().min(1, 'is required').max(200), password });

export const createApiTokenInput = z.strictObject({ name: name.pipe(z.string().max(100, 'must be at most 100 characters')) });
export type CreateApiTokenInput = z.infer<typeof createApiTokenInput>;
