'use client';

import { useState } from 'react';
import type { VerdictDto } from '@/lib/verdicts/list-verdicts';
import { apiFetch, ApiError } from '@/lib/client/api-client';

type Row = VerdictDto & { saving?: boolean; message?: string; error?: string };

/** Admins edit the verdict scale: label, colour, ClaimReview rating, whether a source is needed. */
export function VerdictScaleEditor({ initial }: { initial: VerdictDto[] }) {
  const [rows, setRows] = useState<Row[]>(initial);
  const [draft, setDraft] = useState({ key: '', label: '', color: '#55606b', ratingValue: 0, requiresSource: true });
  const [addError, setAddError] = useState<string | null>(null);

  const patch = (key: string, change: Partial<Row>) => setRows((list) => list.map((r) => (r.key === key ? { ...r, ...change } : r)));

  async function save(row: Row) {
    patch(row.key, { saving: true, message: undefined, error: undefined });
    try {
      const { verdict } = await apiFetch<{ verdict: VerdictDto }>(`/api/verdicts/${encodeURIComponent(row.key)}`, {
        method: 'PATCH',
        json: { label: row.label, color: row.color, ratingValue: row.ratingValue, requiresSource: row.requiresSource },
      });
      patch(row.key, { ...verdict, saving: false, message: 'Saved.' });
    } catch (error) {
      patch(row.key, { saving: false, error: error instanceof ApiError ? error.message : 'Saving failed.' });
    }
  }

  async function add(event: React.FormEvent) {
    event.preventDefault();
    setAddError(null);
    try {
      const { verdict } = await apiFetch<{ verdict: VerdictDto }>('/api/verdicts', { method: 'POST', json: draft });
      setRows((list) => [...list, verdict]);
      setDraft({ key: '', label: '', color: '#55606b', ratingValue: 0, requiresSource: true });
    } catch (error) {
      setAddError(error instanceof ApiError ? error.message : 'Adding failed.');
    }
  }

  return (
    <>
      <table className="api-table verdict-table">
        <thead>
          <tr>
            <th scope="col">Verdict</th>
            <th scope="col">Colour</th>
            <th scope="col">ClaimReview rating (1–5, 0 = none)</th>
            <th scope="col">Needs a source</th>
            <th scope="col">
              <span className="sr-only">Save</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>
                <label className="sr-only" htmlFor={`label-${row.key}`}>
                  Label of {row.key}
                </label>
                <input id={`label-${row.key}`} value={row.label} onChange={(e) => patch(row.key, { label: e.target.value })} />
                <span className="verdict-badge" style={{ background: row.color, marginLeft: 8 }}>
                  {row.label}
                </span>
              </td>
              <td>
                <label className="sr-only" htmlFor={`color-${row.key}`}>
                  Colour of {row.label}
                </label>
                <input id={`color-${row.key}`} type="color" value={row.color} onChange={(e) => patch(row.key, { color: e.target.value })} />
              </td>
              <td>
                <label className="sr-only" htmlFor={`rating-${row.key}`}>
                  Rating of {row.label}
                </label>
                <input id={`rating-${row.key}`} type="number" min={0} max={5} value={row.ratingValue} onChange={(e) => patch(row.key, { ratingValue: Number(e.target.value) })} />
              </td>
              <td>
                <label>
                  <input type="checkbox" checked={row.requiresSource} onChange={(e) => patch(row.key, { requiresSource: e.target.checked })} />
                  <span className="sr-only"> {row.label} needs a source</span>
                </label>
              </td>
              <td>
                <button type="button" className="button small" onClick={() => save(row)} disabled={row.saving}>
                  {row.saving ? 'Saving…' : 'Save'}
                  <span className="sr-only"> {row.label}</span>
                </button>
                {row.message && <span className="small muted"> {row.message}</span>}
                {row.error && (
                  <span role="alert" className="field-error">
                    {row.error}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form className="card verdict-add" onSubmit={add} aria-label="Add a verdict">
        <h2>Add a verdict</h2>
        <label>
          Key <input value={draft.key} onChange={(e) => setDraft({ ...draft, key: e.target.value })} placeholder="e.g. satire" required />
        </label>
        <label>
          Label <input value={draft.label} onChange={(e) => setDraft({ ...draft, label: e.target.value })} required />
        </label>
        <label>
          Colour <input type="color" value={draft.color} onChange={(e) => setDraft({ ...draft, color: e.target.value })} />
        </label>
        <label>
          Rating <input type="number" min={0} max={5} value={draft.ratingValue} onChange={(e) => setDraft({ ...draft, ratingValue: Number(e.target.value) })} />
        </label>
        <label>
          <input type="checkbox" checked={draft.requiresSource} onChange={(e) => setDraft({ ...draft, requiresSource: e.target.checked })} /> Needs a source
        </label>
        <button type="submit" className="button primary">
          Add verdict
        </button>
        {addError && (
          <p role="alert" className="form-error">
            {addError}
          </p>
        )}
      </form>
    </>
  );
}
