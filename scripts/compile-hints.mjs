// Marks the production build's browser scripts for eager compilation with V8's explicit compile
// hint (https://v8.dev/blog/explicit-compile-hints): a script starting with the magic comment
// `//# allFunctionsCalledOnLoad` has every function compiled with the script, off the main thread
// while it streams in, and kept in Chromium's code cache with it. Without it, Turbopack's module
// factories (every module of the page and the editor) are compiled one by one on the main thread
// the first time they run, on every visit, the code cache holding only each script's top level.
// Run after `next build` (npm run build, scripts/start.mjs); adding it twice changes nothing.
//   node scripts/compile-hints.mjs [app root]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n';

/** Adds the hint to every .js file under `.next/static/chunks` of `root`; returns how many it changed. */
export function addCompileHints(root) {
  const chunks = path.join(root, '.next', 'static', 'chunks');
  if (!existsSync(chunks)) return 0;
  let changed = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.js')) {
        const source = readFileSync(file, 'utf8');
        if (source.startsWith(COMPILE_HINT)) continue;
        writeFileSync(file, COMPILE_HINT + source);
        changed += 1;
      }
    }
  };
  walk(chunks);
  return changed;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] ?? process.cwd());
  console.log(`compile hints: ${addCompileHints(root)} scripts marked in ${path.relative(process.cwd(), path.join(root, '.next', 'static', 'chunks')) || '.'}`);
}
