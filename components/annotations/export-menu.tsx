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

/** Editors' and admins' report export, with a progress state while a large report is prepared. */
export function ExportMenu({ articleId }: { articleId: string }) {
  const [format, setFormat] = useState<string>('pdf');
  const [approvedOnly, setApprovedOnly] = useState(true);
  const [comments, setComments] = useState(false);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'working' } | { kind: 'error'; message: string }>({ kind: 'idle' });

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
      setState({ kind: 'idle' });
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
        {state.kind === 'error' && (
          <p role="alert" className="form-error">
            {state.message}
          </p>
        )}
      </PopoverContent>
    </Popover>
  );
}
