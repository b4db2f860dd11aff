'use client';

import { useState } from 'react';
import { Popover, PopoverContent, PopoverTrigger } from '@/components/ui/popover';

const formats = [
  { value: 'pdf', label: 'PDF' },
  { value: 'docx', label: 'Word (.docx)' },
  { value: 'html', label: 'HTML (printable)' },
  { value: 'md', label: 'Markdown' },
  { value: 'csv', label: 'CSV (one row per annotation)' },
  { value: 'jsonld', label: 'W3C Web Annotations (JSON-LD)' },
  { value: 'claimreview', label: 'ClaimReview (JSON-LD)' },
] as const;

/** What the menu says once a report is downloaded: how many annotations it holds, and why none. */
function downloaded(count: number, approvedOnly: boolean): { kind: 'done'; message: string; empty: boolean } {
  if (Number.isNaN(count)) return { kind: 'done', message: 'Report downloaded.', empty: false };
  if (count > 0) return { kind: 'done', message: `Report downloaded: ${count} annotation${count === 1 ? '' : 's'}.`, empty: false };
  return {
    kind: 'done',
    empty: true,
    message: approvedOnly
      ? 'The report has no annotations: none of this article’s is approved yet. Untick “Approved annotations only” to include them all.'
      : 'The report has no annotations: this article has none yet.',
  };
}

/** Editors' and admins' report export, with a progress state while a large report is prepared. */
export function ExportMenu({ articleId }: { articleId: string }) {
  const [format, setFormat] = useState<string>('pdf');
  const [approvedOnly, setApprovedOnly] = useState(true);
  const [comments, setComments] = useState(false);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'working' } | { kind: 'done'; message: string; empty: boolean } | { kind: 'error'; message: string }>({ kind: 'idle' });

  async function download() {
    setState({ kind: 'working' });
    try {
      const query = new URLSearchParams({ format, approvedOnly: String(approvedOnly), comments: String(comments) });
      const response = await fetch(`/api/articles/${articleId}/export?${query}`);
      if (!response.ok) {
        const body = await response.json().catch(() => null);
        throw new Error(body?.message ?? `The export failed (${response.status}).`);
      }
      const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `report.${format}`;
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = name;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setState(downloaded(Number(response.headers.get('x-report-annotations') ?? Number.NaN), approvedOnly));
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : 'The export failed.' });
    }
  }

  return (
    <Popover>
      {/* A disclosed group of fields (as it was with <details>), not a dialog: no title, no modality. */}
      <PopoverTrigger className="button" aria-haspopup={undefined}>
        Export report
      </PopoverTrigger>
      <PopoverContent className="export-panel" role="group" aria-label="Export report">
        <label>
          Format
          <select value={format} onChange={(e) => setFormat(e.target.value)}>
            {formats.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={approvedOnly} onChange={(e) => setApprovedOnly(e.target.checked)} /> Approved annotations only
        </label>
        <label className="check">
          <input type="checkbox" checked={comments} onChange={(e) => setComments(e.target.checked)} /> Include comments
        </label>
        <button type="button" className="button primary" onClick={download} disabled={state.kind === 'working'} aria-busy={state.kind === 'working'}>
          {state.kind === 'working' ? 'Preparing the report…' : 'Download'}
        </button>
        {state.kind === 'working' && <progress aria-label="Preparing the report" />}
        {state.kind === 'done' && (
          <p role="status" className={state.empty ? 'notice' : 'muted small'} data-testid="export-result">
            {state.message}
          </p>
        )}
        {state.kind === 'error' && (
          <p role="alert" className="form-error">
            {state.message}
          </p>
        )}
      </PopoverContent>
    </Popover>
  );
}
