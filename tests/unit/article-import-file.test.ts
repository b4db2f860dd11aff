import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { docxToText } from '@/lib/articles/import/docx-to-text';
import { importArticleFile, MAX_IMPORT_BYTES } from '@/lib/articles/import/import-file';
import { normalizeText } from '@/lib/articles/import/normalize-text';
import { declaredUnzippedSize } from '@/lib/articles/import/zip-size';
import { AppError } from '@/lib/errors';

const seedPath = fileURLToPath(new URL('../../prisma/seed-data/article.txt', import.meta.url));

const utf8 = (text: string) => new TextEncoder().encode(text);

function file(name: string, bytes: Uint8Array, type = 'application/octet-stream') {
  return { name, type, bytes };
}

async function importError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function sampleDocx(): Promise<Uint8Array> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Peace talks stall', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun('He called it a “normal negotiation process.”')] }),
          new Paragraph({ children: [new TextRun({ text: 'Russia’s stance', bold: true }), new TextRun('  is  unchanged.')] }),
          new Paragraph({ text: 'Four documents', bullet: { level: 0 } }),
          new Paragraph({ text: 'Talks continue', bullet: { level: 0 } }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

const docxLines = [
  'Peace talks stall',
  'He called it a “normal negotiation process.”',
  'Russia’s stance is unchanged.',
  '• Four documents',
  '• Talks continue',
  '',
].join('\n');

describe('normalizeText', () => {
  it('normalizes line endings, BOM, tabs, control characters, trailing spaces and empty lines', () => {
    expect(normalizeText('\uFEFF\r\n\r\nOne\u0007\tTwo   \r\n\r\n  \r\nThree\rFour\u0085\n\n\n')).toBe('One Two\nThree\nFour\n');
  });

  it('keeps leading indentation, curly quotes, non-breaking and zero-width characters as given', () => {
    const text = '  “Quoted” it’s\u00a0here\u200b — ok\n';
    expect(normalizeText(text)).toBe(text);
  });

  it('composes to NFC and ends with a single newline, or is empty', () => {
    expect(normalizeText('cafe\u0301')).toBe('caf\u00e9\n');
    expect(normalizeText(' \n\t\n\u00a0\n')).toBe('');
  });

  it('is linear on long runs of spaces', () => {
    // A regex like / +$/ would retry from every space: minutes for this line.
    expect(normalizeText(`a${' '.repeat(2_000_000)}b  \n`)).toBe(`a${' '.repeat(2_000_000)}b\n`);
  });
});

describe('importArticleFile', () => {
  it('returns the seed article byte for byte when imported as .txt', async () => {
    const bytes = new Uint8Array(readFileSync(seedPath));
    const result = await importArticleFile(file('article.txt', bytes, 'text/plain'));
    expect(result).toEqual({ text: readFileSync(seedPath, 'utf8'), title: null, format: 'txt', warnings: [] });
    expect(Buffer.from(utf8(result.text)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('reads .txt with CRLF and a BOM, keeping curly quotes', async () => {
    const bytes = Uint8Array.of(0xef, 0xbb, 0xbf, ...utf8('“First” line\r\n\r\nIt’s the second.\r\n'));
    const result = await importArticleFile(file('NOTES.TXT', bytes));
    expect(result).toMatchObject({ text: '“First” line\nIt’s the second.\n', format: 'txt', title: null });
  });

  it('reads .md and .html by extension, whatever the MIME type says', async () => {
    const md = await importArticleFile(file('story.Markdown', utf8('# Head\n\n*Body*'), 'text/html'));
    expect(md).toEqual({ text: 'Head\nBody\n', title: 'Head', format: 'md', warnings: [] });
    const html = await importArticleFile(file('page.HTM', utf8('<title>T</title><p>Body</p>'), 'text/plain'));
    expect(html).toEqual({ text: 'Body\n', title: 'T', format: 'html', warnings: [] });
  });

  it('reads a real .docx: heading, paragraphs with curly quotes, a bulleted list', async () => {
    const result = await importArticleFile(file('story.docx', await sampleDocx()));
    expect(result).toEqual({ text: docxLines, title: 'Peace talks stall', format: 'docx', warnings: [] });
  });

  it('docxToText returns the text, the title and mammoth warnings', async () => {
    const result = await docxToText(Buffer.from(await sampleDocx()));
    expect(result).toEqual({ text: docxLines, title: 'Peace talks stall', warnings: [] });
  });

  it('takes a Word "Title" paragraph as the title and reports unknown styles as warnings', async () => {
    const document = new Document({
      styles: { paragraphStyles: [{ id: 'Kicker', name: 'Kicker', basedOn: 'Normal', run: { italics: true } }] },
      sections: [
        {
          children: [
            new Paragraph({ text: 'EXCLUSIVE', style: 'Kicker' }),
            new Paragraph({ text: 'The headline', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: 'Body text.' }),
          ],
        },
      ],
    });
    const result = await docxToText(await Packer.toBuffer(document));
    expect(result.text).toBe('EXCLUSIVE\nThe headline\nBody text.\n');
    expect(result.title).toBe('The headline');
    expect(result.warnings).toEqual([expect.stringContaining("Unrecognised paragraph style: 'Kicker'")]);
  });

  it('rejects a file over 5 MB as PAYLOAD_TOO_LARGE on the file field', async () => {
    const error = await importError(importArticleFile(file('big.txt', new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61))));
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413, userMessage: 'The file is larger than 5 MB.', details: { field: 'file' } });
  });

  it('accepts a file of exactly 5 MB', async () => {
    const result = await importArticleFile(file('max.txt', new Uint8Array(MAX_IMPORT_BYTES).fill(0x61)));
    expect(result.text.length).toBe(MAX_IMPORT_BYTES + 1);
  });

  it('rejects unsupported extensions', async () => {
    for (const name of ['story.pdf', 'story', 'story.doc', 'docx']) {
      const error = await importError(importArticleFile(file(name, utf8('text'))));
      expect(error).toMatchObject({ code: 'UNPROCESSABLE', userMessage: 'Upload a .txt, .md, .html or .docx file.', details: { field: 'file' } });
    }
  });

  it('rejects a .docx without the zip signature, and a zip that is not a Word document', async () => {
    const notZip = await importError(importArticleFile(file('story.docx', utf8('plain text pretending'))));
    expect(notZip).toMatchObject({ code: 'UNPROCESSABLE', details: { field: 'file' } });
    expect(notZip.userMessage).toMatch(/not a valid \.docx/);

    const emptyZip = Uint8Array.of(0x50, 0x4b, 0x03, 0x04, ...new Uint8Array(26));
    const unreadable = await importError(importArticleFile(file('story.docx', emptyZip)));
    expect(unreadable).toMatchObject({ code: 'UNPROCESSABLE', details: { field: 'file' } });
    expect(unreadable.userMessage).toMatch(/could not be read/);
  });

  it('rejects a .docx that declares more than 100 MB once unpacked, before unpacking it', async () => {
    const bytes = await sampleDocx();
    expect(declaredUnzippedSize(bytes)).toBeGreaterThan(0);
    expect(declaredUnzippedSize(bytes)).toBeLessThan(100_000);
    // Claim 200 MB for the first central-directory entry.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const entry = bytes.findIndex((_, at) => at + 4 <= bytes.length && view.getUint32(at, true) === 0x02014b50);
    view.setUint32(entry + 24, 200 * 1024 * 1024, true);
    const error = await importError(importArticleFile(file('bomb.docx', bytes)));
    expect(error).toMatchObject({ code: 'UNPROCESSABLE', userMessage: 'The .docx document is too large once unpacked.', details: { field: 'file' } });
  });

  it('rejects text files that are not UTF-8', async () => {
    const latin1 = Uint8Array.of(0x63, 0x61, 0x66, 0xe9); // "café" in Latin-1
    const utf16 = Uint8Array.of(0xff, 0xfe, 0x61, 0x00);
    const binary = Uint8Array.of(0x61, 0x00, 0x62, 0x00);
    for (const [name, bytes] of [['a.txt', latin1], ['a.md', utf16], ['a.html', binary]] as const) {
      const error = await importError(importArticleFile(file(name, bytes)));
      expect(error).toMatchObject({ code: 'UNPROCESSABLE', details: { field: 'file' } });
      expect(error.userMessage).toMatch(/not UTF-8/);
    }
  });

  it('rejects files with no text', async () => {
    const cases = [
      file('empty.txt', new Uint8Array()),
      file('blank.txt', utf8(' \r\n\t\r\n')),
      file('bom.md', Uint8Array.of(0xef, 0xbb, 0xbf)),
      file('script.html', utf8('<script>alert(1)</script><img src=x>')),
      file('empty.docx', new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [] }] })))),
    ];
    for (const input of cases) {
      const error = await importError(importArticleFile(input));
      expect(error).toMatchObject({ code: 'UNPROCESSABLE', userMessage: 'The file contains no text.', details: { field: 'file' } });
    }
  });
});
