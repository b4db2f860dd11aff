import type { Extension, beforeHandleAwarenessPayload } from '@hocuspocus/server';
import { colorForUser } from '@/lib/collab/colors';
import { checkingPassage } from '@/lib/collab/checking-passage';
import type { CollabContext } from '../collab-context';

/**
 * Carets and avatars show who the server says is connected: the `user` field of every awareness
 * state a connection sends (the field TipTap's CollaborationCaret reads) gets the authenticated
 * user's id, name and colour, whatever the client put there; the passage it says it is checking
 * (`checking`) is passed on only if it is a sane one.
 */
export class AwarenessIdentity implements Extension<CollabContext> {
  extensionName = 'factcheck-awareness-identity';

  async beforeHandleAwareness({ context, states }: beforeHandleAwarenessPayload<CollabContext>): Promise<void> {
    if (!context?.user) return;
    const { id, name } = context.user;
    for (const state of states.values()) {
      const claimed: unknown = state.user;
      const extra = typeof claimed === 'object' && claimed !== null ? claimed : {};
      state.user = { ...extra, id, name, color: colorForUser(id) };
      if ('checking' in state) state.checking = checkingPassage(state.checking);
    }
  }
}
