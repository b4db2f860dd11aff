// The one entry point for an uploaded article file: checks size and content, picks the converter
// by extension, and returns the article text in its stored form (see normalize-text.ts).
import { AppError } from '@/lib/errors';
import { docxToText } from './docx-to-text';
import { htmlToText } from './html-to-text';
import { markdownToText } from './markdown-to-text';
import { normalizeText } from './normalize-text';
import { declaredUnzippedSize } from './zip-size';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type ImportFormat = 'txt' | 'md' | 'html' | 'docx';

export interface ImportedArticle {
  /** Normalized: one paragraph per line, ending in a single "\n". */
  text: string;
  title: string | null;
  format: ImportFormat;
  /** Things the converter could not carry over (mammoth's messages for .docx). */
  warnings: string[];
}

export interface ImportFile {
  name: string;
  /** The browser's MIME type; not trusted, the extension and the content decide. */
  type: string;
  bytes: Uint8Array;
}

type Converted = Omit<ImportedArticle, 'format'>;

const formatByExtension: Record<string, ImportFormat> = {
  txt: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  docx: 'docx',
};

const zipMagic = [0x50, 0x4b, 0x03, 0x04];
// Text compresses about tenfold; no real 5 MB .docx comes near this once unpacked.
const MAX_UNZIPPED_BYTES = 100 * 1024 * 1024;

function fileError(message: string): AppError {
  return new AppError('UNPROCESSABLE', message, { field: 'file' });
}

function formatOf(name: string): ImportFormat {
  const extension = /\.([^./\\]+)$/.exec(name.trim())?.[1]?.toLowerCase();
  const format = extension === undefined ? undefined : formatByExtension[extension];
  if (!format) throw fileError('Upload a .txt, .md, .html or .docx file.');
  return format;
}

const notUtf8 = 'The file is not UTF-8 text. Save it as UTF-8 and upload it again.';

function decodeUtf8(bytes: Uint8Array): string {
  let text: string;
  try {
    // A leading BOM is accepted and dropped by the decoder.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw fileError(notUtf8);
  }
  // Valid UTF-8 can still be binary, or UTF-16 without a BOM; text files hold no NUL characters.
  if (text.includes('\0')) throw fileError(notUtf8);
  return text;
}

async function readDocx(bytes: Uint8Array): Promise<Converted> {
  if (!zipMagic.every((byte, index) => bytes[index] === byte)) {
    throw fileError('The file is not a valid .docx document.');
  }
  if ((declaredUnzippedSize(bytes) ?? 0) > MAX_UNZIPPED_BYTES) {
    throw fileError('The .docx document is too large once unpacked.');
  }
  try {
    return await docxToText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    if (error instanceof AppError) throw error;
    // A zip, but not a Word document mammoth can read (or a damaged one).
    throw fileError('The .docx document could not be read. Open it in Word, save it again and retry.');
  }
}

async function convert(format: ImportFormat, bytes: Uint8Array): Promise<Converted> {
  if (format === 'docx') return readDocx(bytes);
  const source = decodeUtf8(bytes);
  if (format === 'md') return { ...markdownToText(source), warnings: [] };
  if (format === 'html') return { ...htmlToText(source), warnings: [] };
  return { text: source, title: null, warnings: [] };
}

function normalizeTitle(title: string | null): string | null {
  const lines = normalizeText(title ?? '').split('\n');
  return lines.join(' ').trim() || null;
}

export async function importArticleFile(file: ImportFile): Promise<ImportedArticle> {
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'The file is larger than 5 MB.', { field: 'file' });
  }
  const format = formatOf(file.name);
  const converted = await convert(format, file.bytes);
  const text = normalizeText(converted.text);
  if (!text) throw fileError('The file contains no text.');
  return { text, title: normalizeTitle(converted.title), format, warnings: converted.warnings };
}
