import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { COMPILE_HINT, addCompileHints } from '../../scripts/compile-hints.mjs';

let root: string | null = null;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = null;
});

describe('compile hints on the build', () => {
  it('marks every browser script once, and nothing else', () => {
    root = mkdtempSync(path.join(tmpdir(), 'compile-hints-'));
    const chunks = path.join(root, '.next', 'static', 'chunks');
    mkdirSync(path.join(chunks, 'pages'), { recursive: true });
    writeFileSync(path.join(chunks, 'a.js'), '(globalThis.TURBOPACK||[]).push([1]);');
    writeFileSync(path.join(chunks, 'pages', 'b.js'), 'console.log(2);');
    writeFileSync(path.join(chunks, 'c.css'), 'body{}');

    expect(addCompileHints(root)).toBe(2);
    expect(readFileSync(path.join(chunks, 'a.js'), 'utf8')).toBe(`${COMPILE_HINT}(globalThis.TURBOPACK||[]).push([1]);`);
    expect(readFileSync(path.join(chunks, 'pages', 'b.js'), 'utf8')).toBe(`${COMPILE_HINT}console.log(2);`);
    expect(readFileSync(path.join(chunks, 'c.css'), 'utf8')).toBe('body{}');
    // A second run (every start) changes nothing.
    expect(addCompileHints(root)).toBe(0);
    expect(readFileSync(path.join(chunks, 'a.js'), 'utf8').split(COMPILE_HINT)).toHaveLength(2);
  });

  it('does nothing without a build', () => {
    root = mkdtempSync(path.join(tmpdir(), 'compile-hints-'));
    expect(addCompileHints(root)).toBe(0);
  });
});
