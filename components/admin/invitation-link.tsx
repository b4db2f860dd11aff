'use client';

import { CopyField } from '@/components/ui/copy-field';
import { formatDateTime } from '@/lib/format';
import type { IssuedInvitation } from '@/lib/users/issue-invitation';

/** The one-time link an admin hands over; it cannot be shown again once this is gone. */
export function InvitationLink({ id, invitation, recipient }: { id: string; invitation: IssuedInvitation; recipient: string }) {
  const url = typeof window === 'undefined' ? invitation.path : new URL(invitation.path, window.location.origin).toString();
  return (
    <div className="notice" data-testid="invitation-link">
      <CopyField
        id={id}
        label={`Invitation link for ${recipient}`}
        value={url}
        hint={`Shown only now: copy it and send it to them. It works once, until ${formatDateTime(invitation.expiresAt)}.`}
      />
    </div>
  );
}
