'use client';

import type { ConnectionState, Peer } from '@/components/collab/use-collaboration';
import { Tooltip } from '@/components/ui/tooltip';

const stateLabel: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  offline: 'Offline — reconnecting…',
  unavailable: 'Live collaboration unavailable',
};

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
}

interface Props {
  peers: Peer[];
  state: ConnectionState;
  correcting: boolean;
  canCorrect: boolean;
  onToggleCorrecting: () => void;
}

/** Who else is on this article, the connection state, and editors' correction-mode switch. */
export function PresenceBar({ peers, state, correcting, canCorrect, onToggleCorrecting }: Props) {
  // One avatar per person, even with the article open in two tabs.
  // (The one checking a passage, if any of their tabs is.)
  const people = [...new Map([...peers].sort((x, y) => Number(!!x.checking) - Number(!!y.checking)).map((p) => [p.name, p])).values()];
  return (
    <div className="presence-bar">
      <ul className="avatars" aria-label="People on this article" data-testid="presence">
        {people.map((peer) => {
          const doing = peer.checking && !peer.isSelf ? `, checking “${peer.checking.exact.length > 50 ? `${peer.checking.exact.slice(0, 50)}…` : peer.checking.exact}”` : '';
          const name = `${peer.isSelf ? `${peer.name} (you)` : peer.name}${doing}`;
          return (
            <Tooltip key={peer.clientId} content={name}>
              <li className={`avatar${doing ? ' avatar-checking' : ''}`} style={{ background: peer.color }}>
                <span aria-hidden="true">{initials(peer.name)}</span>
                <span className="sr-only">{name}</span>
              </li>
            </Tooltip>
          );
        })}
      </ul>
      <span className={`connection connection-${state}`} role="status" data-testid="connection-state">
        {stateLabel[state]}
      </span>
      {canCorrect && (
        <button type="button" className={`button small${correcting ? ' primary' : ''}`} aria-pressed={correcting} onClick={onToggleCorrecting}>
          {correcting ? 'Done correcting' : 'Correct text'}
        </button>
      )}
    </div>
  );
}
