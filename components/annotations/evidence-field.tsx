'use client';

import { useId, useState } from 'react';
import type { EvidenceDto } from '@/lib/evidence/evidence-dto';
import { describeEvidence, evidenceAccept, evidenceMediaTypes, MAX_EVIDENCE_BYTES } from '@/lib/evidence/evidence-file-type';
import { ApiError, apiFetch } from '@/lib/client/api-client';

interface Props {
  /** "Source 2", for the control's accessible name. */
  sourceName: string;
  evidence: EvidenceDto | null;
  onChange: (evidence: EvidenceDto | null) => void;
  /** The form holds its save while a file is on its way. */
  onUploadingChange: (uploading: boolean) => void;
}

/**
 * A source's evidence: a screenshot or PDF of the page as the reviewer saw it. Uploaded as soon as
 * it is chosen (the server checks its type from its content and its size), then kept by id.
 */
export function EvidenceField({ sourceName, evidence, onChange, onUploadingChange }: Props) {
  const id = useId();
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'uploading'; name: string } | { kind: 'error'; message: string }>({ kind: 'idle' });

  async function upload(file: File) {
    if (file.size > MAX_EVIDENCE_BYTES) {
      return setState({ kind: 'error', message: `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; evidence may be at most 10 MB.` });
    }
    if (file.type && !(evidenceMediaTypes as readonly string[]).includes(file.type)) {
      return setState({ kind: 'error', message: `“${file.name}” is not a screenshot (PNG, JPEG, WebP, GIF) or a PDF.` });
    }
    setState({ kind: 'uploading', name: file.name });
    onUploadingChange(true);
    try {
      const body = new FormData();
      body.set('file', file);
      const { evidence: uploaded } = await apiFetch<{ evidence: EvidenceDto }>('/api/evidence', { method: 'POST', body });
      onChange(uploaded);
      setState({ kind: 'idle' });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof ApiError ? error.message.replace(/^file: /, '') : 'The upload failed.' });
    } finally {
      onUploadingChange(false);
    }
  }

  if (evidence) {
    return (
      <div className="evidence-field" role="group" aria-label={`Evidence for ${sourceName}`}>
        <span className="evidence-chip">
          Evidence:{' '}
          <a href={evidence.url} target="_blank" rel="noopener noreferrer">
            {evidence.fileName}
          </a>{' '}
          <span className="muted small">({describeEvidence(evidence)})</span>
        </span>
        <button type="button" className="button small" onClick={() => onChange(null)} aria-label={`Remove evidence from ${sourceName}`}>
          Remove evidence
        </button>
      </div>
    );
  }
  return (
    <div className="evidence-field">
      <label htmlFor={`${id}-file`}>
        Evidence <span className="muted small">(screenshot or PDF of the page as you saw it, up to 10 MB)</span>
      </label>
      <input
        id={`${id}-file`}
        type="file"
        accept={evidenceAccept}
        disabled={state.kind === 'uploading'}
        aria-describedby={state.kind === 'error' ? `${id}-error` : undefined}
        aria-invalid={state.kind === 'error'}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void upload(file);
        }}
      />
      {state.kind === 'uploading' && (
        <p className="muted small" role="status">
          Uploading “{state.name}”…
        </p>
      )}
      {state.kind === 'error' && (
        <p className="field-error" id={`${id}-error`} role="alert">
          {state.message}
        </p>
      )}
    </div>
  );
}
