// What an evidence file may be: a screenshot (PNG, JPEG, WebP, GIF) or a PDF of the page as it was
// seen, at most 10 MB. The type is read from the file's first bytes, not trusted from its name or
// the browser's declared type, so an HTML page or a script renamed `.png` is refused.
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;

export const evidenceMediaTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif', 'application/pdf'] as const;
export type EvidenceMediaType = (typeof evidenceMediaTypes)[number];

export const evidenceTypeNames: Record<EvidenceMediaType, string> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/webp': 'WebP',
  'image/gif': 'GIF',
  'application/pdf': 'PDF',
};

/** For a file input's `accept`. */
export const evidenceAccept = [...evidenceMediaTypes, '.png', '.jpg', '.jpeg', '.webp', '.gif', '.pdf'].join(',');

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The media type the content is, by its signature; null when it is none of the accepted ones. */
export function sniffEvidenceType(bytes: Uint8Array): EvidenceMediaType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

/** A file name fit to store and to put in a Content-Disposition: no path, no control characters. */
export function cleanFileName(name: string, mediaType: EvidenceMediaType): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-200);
  return cleaned || `evidence.${mediaType === 'application/pdf' ? 'pdf' : mediaType.split('/')[1]}`;
}

/** "PDF, 1.2 MB" */
export function describeEvidence(evidence: { mediaType: string; byteSize: number }): string {
  const type = evidenceTypeNames[evidence.mediaType as EvidenceMediaType] ?? evidence.mediaType;
  const size =
    evidence.byteSize >= 1024 * 1024 ? `${(evidence.byteSize / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(evidence.byteSize / 1024))} KB`;
  return `${type}, ${size}`;
}
