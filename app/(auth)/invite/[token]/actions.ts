'use server';

import { headers } from 'next/headers';
import { AppError } from '@/lib/errors';
import { acceptInvitation } from '@/lib/users/accept-invitation';
import { acceptInvitationInput } from '@/lib/users/input-schemas';
import type { AcceptInvitationState } from '@/components/account/accept-invitation-form';

/** The invitation page's form: no session, the link's token is the credential. */
export async function acceptInvitationAction(_state: AcceptInvitationState, data: FormData): Promise<AcceptInvitationState> {
  const parsed = acceptInvitationInput.safeParse({ token: data.get('token'), password: data.get('password') });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join('.') || undefined;
    return { status: 'error', message: field === 'password' ? `The password ${issue?.message}.` : 'This link is not valid.', field };
  }
  if (parsed.data.password !== data.get('confirm')) {
    return { status: 'error', message: 'The two passwords differ: type the same one twice.', field: 'confirm' };
  }
  const ip = (await headers()).get('x-forwarded-for')?.split(',')[0]?.trim() || null;
  try {
    const { email } = await acceptInvitation(parsed.data.token, parsed.data.password, ip);
    return { status: 'done', email };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const message = error.details.field === 'password' ? `The password ${error.userMessage.replace(/^password: /, '')}.` : error.userMessage;
    return { status: 'error', message, field: error.details.field };
  }
}
