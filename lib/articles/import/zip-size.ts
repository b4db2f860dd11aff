// What a zip (a .docx) says it unpacks to, read from its central directory without unpacking it.
// mammoth unzips the document parts into memory, so a small upload that declares gigabytes is
// refused before it gets there. The sizes are the archive's own claims; a zip that lies about
// them still reaches mammoth, whose unzipper (JSZip) notices only after inflating.

const endOfCentralDirectory = 0x06054b50;
const centralDirectoryEntry = 0x02014b50;
const endRecordLength = 22;
const entryHeaderLength = 46;

function findEndRecord(view: DataView): number | null {
  // The end record sits at the very end, followed by a comment of at most 65535 bytes.
  const earliest = Math.max(0, view.byteLength - endRecordLength - 0xffff);
  for (let at = view.byteLength - endRecordLength; at >= earliest; at--) {
    if (view.getUint32(at, true) === endOfCentralDirectory) return at;
  }
  return null;
}

/** The total unpacked size the zip declares for its entries, or null if it has no readable directory. */
export function declaredUnzippedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndRecord(view);
  if (end === null) return null;
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let entry = 0; entry < entries; entry++) {
    if (offset + entryHeaderLength > view.byteLength || view.getUint32(offset, true) !== centralDirectoryEntry) return null;
    total += view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    offset += entryHeaderLength + nameLength + extraLength + commentLength;
  }
  return total;
}
