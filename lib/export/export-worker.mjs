// The worker thread's entry (see render-off-thread.ts): plain JavaScript, which loads the
// TypeScript renderer through tsx.
import { tsImport } from 'tsx/esm/api';

await tsImport('./export-worker.ts', import.meta.url);
