import { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';

/** The 409 for a unique-constraint violation on a user's e-mail address, if that is what `error` is. */
export function emailTaken(error: unknown): AppError | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    return new AppError('CONFLICT', 'email: another user already has this e-mail address', { field: 'email' });
  }
  return null;
}
