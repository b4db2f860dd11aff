/** A personal API token as its owner sees it after creation: never the secret, which is not stored. */
export interface ApiTokenSummary {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export const apiTokenSummarySelect = { id: true, name: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export function toApiTokenSummary(row: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null }): ApiTokenSummary {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
