'use client';

import { useEffect, useEffectEvent, useState } from 'react';
import type { HocuspocusProvider } from '@hocuspocus/provider';
import type * as Y from 'yjs';
import { apiFetch } from '@/lib/client/api-client';
import type { ArticleEvent } from '@/lib/events/article-events';
import { checkingPassage, type CheckingPassage } from '@/lib/collab/checking-passage';

export type { CheckingPassage } from '@/lib/collab/checking-passage';

export interface Peer {
  clientId: number;
  name: string;
  color: string;
  isSelf: boolean;
  /** The passage they are checking right now (their claim form is open on it), if any. */
  checking: CheckingPassage | null;
}

/** Tells the others on the article which passage this user is checking (null: none). */
export function announceChecking(provider: HocuspocusProvider | null, passage: CheckingPassage | null): void {
  provider?.setAwarenessField('checking', passage);
}

export type ConnectionState = 'connecting' | 'live' | 'offline' | 'unavailable';

export interface Collaboration {
  provider: HocuspocusProvider | null;
  ydoc: Y.Doc | null;
  synced: boolean;
  state: ConnectionState;
  peers: Peer[];
  self: { name: string; color: string } | null;
}

interface TokenResponse {
  token: string;
  url: string;
  user: { id: string; name: string; color: string };
}

// Yjs and the Hocuspocus provider are loaded when the page joins the live document, apart from the
// page's own scripts: the article and its highlights are drawn without them.
const loadCollaboration = () => Promise.all([import('@hocuspocus/provider'), import('yjs')]);

/** Why the server ended this user's socket itself (server/socket-close.ts). */
const ACCESS_ENDED = ['access-changed', 'user-deactivated', 'session-ended', 'password-reset'] as const;
export type AccessEnded = (typeof ACCESS_ENDED)[number];

/**
 * Joins the article's collaborative document: presence, carets, live text, and the committed
 * metadata events the server relays (`onEvent`). A fresh short-lived token is asked for on every
 * (re)connect. `onAccessEnded` hears when the server closed the socket because an admin changed
 * the user's role, deactivated them or reset their password, or because a password change elsewhere
 * signed this session out.
 */
export function useCollaboration(articleId: string, onEvent: (event: ArticleEvent) => void, onAccessEnded?: (why: AccessEnded) => void): Collaboration {
  const [state, setState] = useState<Collaboration>({ provider: null, ydoc: null, synced: false, state: 'connecting', peers: [], self: null });
  // The provider's callbacks call the latest handlers without the socket reconnecting when they change.
  const emitEvent = useEffectEvent(onEvent);
  const endAccess = useEffectEvent((why: AccessEnded) => onAccessEnded?.(why));

  useEffect(() => {
    let cancelled = false;
    let provider: HocuspocusProvider | null = null;
    let ydoc: Y.Doc | null = null;

    (async () => {
      let first: TokenResponse;
      let modules: Awaited<ReturnType<typeof loadCollaboration>>;
      try {
        [first, modules] = await Promise.all([apiFetch<TokenResponse>('/api/collab/token', { method: 'POST' }), loadCollaboration()]);
      } catch {
        if (!cancelled) setState((s) => ({ ...s, state: 'unavailable' }));
        return;
      }
      if (cancelled) return;
      const [{ HocuspocusProvider, WebSocketStatus }, Y] = modules;
      const doc = (ydoc = new Y.Doc());
      let initialToken: string | null = first.token;
      provider = new HocuspocusProvider({
        url: first.url,
        name: `article:${articleId}`,
        document: doc,
        token: async () => {
          if (initialToken) {
            const token = initialToken;
            initialToken = null;
            return token;
          }
          return (await apiFetch<TokenResponse>('/api/collab/token', { method: 'POST' })).token;
        },
        onStatus: ({ status }) => {
          // An open socket is not yet live: the document is once the server has let it in and
          // synced it (onSynced, on every reconnect). A socket that opens only to be refused (a
          // deactivated user's) must not show "Live".
          if (cancelled || status === WebSocketStatus.Connected) return;
          setState((s) => ({ ...s, state: s.state === 'live' ? 'offline' : s.state === 'unavailable' ? 'unavailable' : 'connecting' }));
        },
        onSynced: ({ state: synced }) => {
          if (!cancelled && synced) setState((s) => ({ ...s, synced: true, state: 'live' }));
        },
        onAuthenticationFailed: () => {
          if (!cancelled) setState((s) => ({ ...s, state: 'unavailable' }));
        },
        onClose: ({ event }) => {
          if (cancelled || event.code < 4000) return;
          const why = ACCESS_ENDED.find((reason) => reason === event.reason);
          if (why) endAccess(why);
        },
        onStateless: ({ payload }) => {
          try {
            emitEvent(JSON.parse(payload) as ArticleEvent);
          } catch {
            // Not one of ours; ignore.
          }
        },
        onAwarenessChange: ({ states }) => {
          if (cancelled) return;
          const selfId = doc.clientID;
          const peers = states
            .filter((s) => s.user && typeof s.user.name === 'string')
            .map((s) => ({
              clientId: s.clientId,
              name: String(s.user.name),
              color: String(s.user.color ?? '#555'),
              isSelf: s.clientId === selfId,
              checking: checkingPassage(s.checking),
            }));
          setState((current) => ({ ...current, peers }));
        },
      });
      provider.setAwarenessField('user', { name: first.user.name, color: first.user.color });
      setState((s) => ({ ...s, provider, ydoc: doc, self: { name: first.user.name, color: first.user.color } }));
    })();

    const goneOffline = () => setState((s) => ({ ...s, state: s.state === 'unavailable' ? s.state : 'offline' }));
    window.addEventListener('offline', goneOffline);
    return () => {
      cancelled = true;
      window.removeEventListener('offline', goneOffline);
      provider?.destroy();
      ydoc?.destroy();
    };
  }, [articleId]);

  return state;
}
