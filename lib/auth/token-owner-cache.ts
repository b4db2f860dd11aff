// API tokens and their owners as this process last read them, for a moment: a client sending many
// requests with one token (an integration importing claims, a bulk script) costs one lookup per
// `TOKEN_OWNER_TTL_MS` instead of one per request. Every change that decides what a token may do
// (revoking it; deactivating, re-roling, renaming or resetting its owner) publishes a user event
// (lib/events/article-events.ts), which makes this process forget that user's tokens at once;
// another web process keeps what it read for at most the TTL. Kept on globalThis: the web server's
// direct route (server/web-server.ts) and Next's bundle each load this module, and share one cache.

/** How long another web process may keep accepting a token revoked, or an owner changed, here. */
export const TOKEN_OWNER_TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;

interface Entry<T> {
  value: T;
  userId: string;
  expires: number;
}

export class TokenOwnerCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  // Moves on every forget: a lookup that started before it does not store what it read.
  private generation = 0;

  constructor(
    private readonly ttlMs = TOKEN_OWNER_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  get(tokenHash: string): T | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (entry.expires > this.now()) return entry.value;
    this.entries.delete(tokenHash);
    return undefined;
  }

  /** Call before reading the database; pass what it returns to `set`. */
  begin(): number {
    return this.generation;
  }

  set(tokenHash: string, userId: string, value: T, generation: number): void {
    if (generation !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { value, userId, expires: this.now() + this.ttlMs });
  }

  forgetUser(userId: string): void {
    this.generation++;
    for (const [hash, entry] of this.entries) if (entry.userId === userId) this.entries.delete(hash);
  }
}

const shared = globalThis as unknown as { factcheckTokenOwners?: TokenOwnerCache<unknown> };

/** This process's cache (one for every copy of this module). */
export function tokenOwnerCache<T>(): TokenOwnerCache<T> {
  return (shared.factcheckTokenOwners ??= new TokenOwnerCache<unknown>()) as TokenOwnerCache<T>;
}
