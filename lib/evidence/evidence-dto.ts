/** What the API, the UI and the reports see of an evidence file (never its bytes). */
export interface EvidenceDto {
  id: string;
  fileName: string;
  mediaType: string;
  byteSize: number;
  sha256: string;
  /** Where to download it, relative to the app (reports make it absolute). */
  url: string;
}

export const evidenceSelect = { id: true, fileName: true, mediaType: true, byteSize: true, sha256: true } as const;

export function toEvidenceDto(row: Omit<EvidenceDto, 'url'>): EvidenceDto {
  return { id: row.id, fileName: row.fileName, mediaType: row.mediaType, byteSize: row.byteSize, sha256: row.sha256, url: evidencePath(row.id) };
}

export const evidencePath = (id: string) => `/api/evidence/${encodeURIComponent(id)}`;
