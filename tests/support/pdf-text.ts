// Reading a PDF report back as text (poppler's pdftotext), for the export tests.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Report } from '@/lib/export/report-model';

/** The text of a PDF by poppler's pdftotext, or null where poppler is not installed. */
export function pdfText(buffer: Buffer): string | null {
  if (!existsSync('/usr/bin/pdftotext')) return null;
  const dir = mkdtempSync(path.join(tmpdir(), 'export-pdf-'));
  try {
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, buffer);
    return execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs of white space as one space: where pdftotext breaks lines depends on the layout. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * The article as the PDF prints it: each passage followed by its annotation's number, before any
 * space the passage ends with; numbers that meet are joined by "," in the order the passages end
 * (by number where they end together), e.g. "initiative1 regarding the ongoing conflict3 in Ukraine2".
 */
export function articleWithReferenceMarks(report: Report): string {
  const text = report.article.text;
  const marks = new Map<number, { end: number; number: number }[]>();
  for (const { number, position, orphaned } of report.annotations) {
    if (orphaned) continue;
    let at = position.end;
    while (at > position.start && /\s/.test(text[at - 1])) at -= 1;
    marks.set(at, [...(marks.get(at) ?? []), { end: position.end, number }]);
  }
  let out = '';
  let from = 0;
  for (const at of [...marks.keys()].sort((a, b) => a - b)) {
    const numbers = marks.get(at)!.sort((a, b) => a.end - b.end || a.number - b.number).map((mark) => mark.number);
    out += `${text.slice(from, at)}${numbers.join(',')}`;
    from = at;
  }
  return out + text.slice(from);
}
