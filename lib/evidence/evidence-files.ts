import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/auth/current-user';
import { assertCan } from '@/lib/auth/guard';
import { assertNotBlinded } from '@/lib/annotations/blind-review';
import { evidenceSelect, toEvidenceDto, type EvidenceDto } from '@/lib/evidence/evidence-dto';
import { cleanFileName, evidenceTypeNames, MAX_EVIDENCE_BYTES, sniffEvidenceType, type EvidenceMediaType } from '@/lib/evidence/evidence-file-type';

// The live annotations whose sources cite a file, with what blind review needs to decide on each.
const citingAnnotations = {
  where: { annotation: { deletedAt: null } },
  select: { annotation: { select: { id: true, articleId: true, authorId: true, status: true, positionStart: true, positionEnd: true } } },
} as const;

// Uploaded and never attached to a source (the reviewer cancelled the form): removed after a day.
const ORPHAN_AGE_MS = 24 * 60 * 60 * 1000;

/** Stores an uploaded file after checking its size and, from its content, its type. */
export async function uploadEvidence(user: CurrentUser, file: { name: string; type: string; bytes: Uint8Array }): Promise<EvidenceDto> {
  assertCan(user, 'annotation:create');
  if (file.bytes.byteLength === 0) throw new AppError('UNPROCESSABLE', 'file: the file is empty', { field: 'file' });
  if (file.bytes.byteLength > MAX_EVIDENCE_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', `file: the file is ${(file.bytes.byteLength / 1024 / 1024).toFixed(1)} MB; evidence may be at most 10 MB`, {
      field: 'file',
    });
  }
  const mediaType = sniffEvidenceType(file.bytes);
  if (!mediaType) {
    throw new AppError('UNPROCESSABLE', 'file: evidence must be a screenshot (PNG, JPEG, WebP or GIF) or a PDF; this file is none of them', { field: 'file' });
  }
  const declared = file.type.split(';')[0]!.trim().toLowerCase();
  if (declared && declared !== 'application/octet-stream' && declared !== mediaType && !(declared === 'image/jpg' && mediaType === 'image/jpeg')) {
    throw new AppError('UNPROCESSABLE', `file: the file says it is ${declared} but its content is ${evidenceTypeNames[mediaType]}`, { field: 'file' });
  }
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const row = await db.evidenceFile.create({
    data: { uploaderId: user.id, fileName: cleanFileName(file.name, mediaType), mediaType, byteSize: file.bytes.byteLength, sha256, data: file.bytes as Uint8Array<ArrayBuffer> },
    select: evidenceSelect,
  });
  await removeOrphans();
  return toEvidenceDto(row);
}

async function removeOrphans(): Promise<void> {
  await db.evidenceFile.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - ORPHAN_AGE_MS) }, sources: { none: {} } } });
}

/**
 * The file, for someone who may see it: its uploader, or anyone who may read an annotation one of
 * whose sources carries it (blind review applies: a reviewer blinded from every such annotation
 * gets 403).
 */
export async function readEvidence(user: CurrentUser, id: string): Promise<{ fileName: string; mediaType: EvidenceMediaType; sha256: string; data: Uint8Array }> {
  assertCan(user, 'article:read');
  const row = await db.evidenceFile.findUnique({
    where: { id },
    select: {
      uploaderId: true,
      fileName: true,
      mediaType: true,
      sha256: true,
      sources: citingAnnotations,
    },
  });
  if (!row || (row.uploaderId !== user.id && row.sources.length === 0)) throw new AppError('NOT_FOUND', 'No such evidence file.');
  if (row.uploaderId !== user.id) await assertSeesOneOf(user, row.sources.map((s) => s.annotation));
  const { data } = await db.evidenceFile.findUniqueOrThrow({ where: { id }, select: { data: true } });
  return { fileName: row.fileName, mediaType: row.mediaType as EvidenceMediaType, sha256: row.sha256, data };
}

type AnnotationRef = Parameters<typeof assertNotBlinded>[2];

async function assertSeesOneOf(user: CurrentUser, annotations: AnnotationRef[]): Promise<void> {
  let refusal: unknown = null;
  for (const annotation of annotations) {
    try {
      await assertNotBlinded(db, user, annotation);
      return;
    } catch (error) {
      refusal = error;
    }
  }
  throw refusal;
}

/**
 * Sources may carry evidence the user uploaded, or evidence they can already see on another
 * annotation (reusing an earlier check): an id alone grants nothing.
 */
export async function usableEvidence(user: CurrentUser, evidenceIds: (string | null | undefined)[]): Promise<Map<string, EvidenceDto>> {
  const usable = new Map<string, EvidenceDto>();
  const ids = [...new Set(evidenceIds.filter((id): id is string => Boolean(id)))];
  if (ids.length === 0) return usable;
  const rows = await db.evidenceFile.findMany({
    where: { id: { in: ids } },
    select: {
      ...evidenceSelect,
      uploaderId: true,
      sources: citingAnnotations,
    },
  });
  for (const id of ids) {
    const row = rows.find((r) => r.id === id);
    const field = `sources.${evidenceIds.indexOf(id)}.evidenceId`;
    if (!row) throw new AppError('UNPROCESSABLE', `${field}: no such evidence file (upload it again)`, { field });
    if (row.uploaderId !== user.id) {
      try {
        if (row.sources.length === 0) throw new AppError('FORBIDDEN', 'not yours');
        await assertSeesOneOf(user, row.sources.map((s) => s.annotation));
      } catch {
        throw new AppError('UNPROCESSABLE', `${field}: this evidence file is not one you uploaded or can see`, { field });
      }
    }
    usable.set(id, toEvidenceDto(row));
  }
  return usable;
}
