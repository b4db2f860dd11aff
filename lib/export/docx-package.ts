// Packs a Word document whose body was written as XML text (see to-docx.ts): the `docx` library
// writes every part of the package around a placeholder paragraph, which is replaced by the body,
// and the parts are zipped with Node's zlib, which deflates the several MB of a large report's body
// in a fraction of the time of the library's JavaScript deflate.
import { crc32, deflateRawSync } from 'node:zlib';
import type { Document } from 'docx';
import { Packer } from 'docx';

export interface DocxHyperlink {
  /** Relationship id ("rId…"), as the body's w:hyperlink r:id gives it. */
  id: string;
  /** An absolute http(s) URL. */
  target: string;
}

export interface DocxBody {
  /** The placeholder paragraph's XML, as the library writes it. */
  placeholder: string;
  /** What replaces it: the body's paragraphs and tables. */
  body: string;
  hyperlinks: readonly DocxHyperlink[];
  /** The files' modification time in the zip. */
  modifiedAt: Date;
}

const hyperlinkType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

// The library's compiler (its parts by path, in the order it zips them) is not in its types; the
// version of docx is pinned in package.json.
interface Compiler {
  compile(file: Document, prettify?: undefined): Map<string, string | Uint8Array>;
}

export function packDocx(document: Document, { placeholder, body, hyperlinks, modifiedAt }: DocxBody): Buffer {
  // The links' relationships go in through the library, which writes the relationships part (and
  // puts "rId" before the id it is given).
  for (const link of hyperlinks) document.Document.Relationships.addRelationship(link.id.replace(/^rId/, ''), hyperlinkType, link.target, 'External');
  const files = (Packer as unknown as { compiler: Compiler }).compiler.compile(document);
  const documentXml = files.get('word/document.xml');
  const at = typeof documentXml === 'string' ? documentXml.indexOf(placeholder) : -1;
  if (typeof documentXml !== 'string' || at < 0) throw new Error('docx: the body placeholder is missing from word/document.xml');
  files.set('word/document.xml', documentXml.slice(0, at) + body + documentXml.slice(at + placeholder.length));
  return zip(files, modifiedAt);
}

/** A zip file of the files in their order, each deflated (as Word writes them). */
function zip(files: Map<string, string | Uint8Array>, modifiedAt: Date): Buffer {
  const { time, date } = dosDateTime(modifiedAt);
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [path, content] of files) {
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const compressed = deflateRawSync(data);
    const name = Buffer.from(path, 'utf8');
    const crc = crc32(data);
    // General purpose flag bit 11: the name is UTF-8.
    const flags = /^[\x20-\x7e]*$/.test(path) ? 0 : 0x800;
    const fields = { flags, time, date, crc, compressedSize: compressed.length, size: data.length, nameLength: name.length };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    writeEntryFields(local, 6, fields); // then extra field length: 0
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS
    entry.writeUInt16LE(20, 6);
    writeEntryFields(entry, 8, fields);
    entry.writeUInt32LE(offset, 42); // extra, comment, disk, attributes: 0
    parts.push(local, name, compressed);
    central.push(entry, name);
    offset += local.length + name.length + compressed.length;
  }
  if (offset > 0xffffffff || files.size > 0xffff) throw new Error('docx: the package is too large for a zip file without ZIP64');
  const centralSize = central.reduce((sum, buffer) => sum + buffer.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.size, 8);
  end.writeUInt16LE(files.size, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...central, end]);
}

interface EntryFields {
  flags: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  nameLength: number;
}

/** The fields a local header and its central directory entry share, in the same order (deflated). */
function writeEntryFields(buffer: Buffer, at: number, { flags, time, date, crc, compressedSize, size, nameLength }: EntryFields): void {
  buffer.writeUInt16LE(flags, at);
  buffer.writeUInt16LE(8, at + 2); // deflate
  buffer.writeUInt16LE(time, at + 4);
  buffer.writeUInt16LE(date, at + 6);
  buffer.writeUInt32LE(crc, at + 8);
  buffer.writeUInt32LE(compressedSize, at + 12);
  buffer.writeUInt32LE(size, at + 16);
  buffer.writeUInt16LE(nameLength, at + 20);
}

/** MS-DOS time and date fields (local time, as zip tools read them), from 1980 on. */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.max(1980, at.getFullYear());
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}
