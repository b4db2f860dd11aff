'use client';

import { useState } from 'react';
import { apiFetch } from '@/lib/client/api-client';
import { readableError } from '@/lib/client/readable-error';
import { roleLabel } from '@/lib/auth/roles';
import type { ReviewOverview, ReviewPerson } from '@/lib/articles/get-review-overview';

interface Props {
  articleId: string;
  assignments: ReviewOverview['assignments'];
  onSaved: (assigned: ReviewPerson[]) => void;
}

/** Who is assigned to the article: active reviewers and editors, ticked and saved as one set. */
export function AssignmentPicker({ articleId, assignments, onSaved }: Props) {
  const candidateIds = new Set(assignments.candidates.map((c) => c.id));
  const [chosen, setChosen] = useState(() => new Set(assignments.assigned.filter((a) => candidateIds.has(a.id)).map((a) => a.id)));
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  // Assigned users who are no longer active reviewers or editors drop out on the next save.
  const leaving = assignments.assigned.filter((a) => !candidateIds.has(a.id));

  function toggle(id: string, on: boolean) {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
    setState({ kind: 'idle' });
  }

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setState({ kind: 'saving' });
    try {
      const { assigned } = await apiFetch<{ assigned: ReviewPerson[] }>(`/api/articles/${articleId}/assignments`, { method: 'PUT', json: { userIds: [...chosen] } });
      setState({ kind: 'saved' });
      onSaved(assigned);
    } catch (error) {
      setState({ kind: 'error', message: readableError(error, {}, 'Saving failed; the assignments are unchanged.').message });
    }
  }

  return (
    <section className="card review-panel" aria-labelledby="review-assign-heading">
      <h2 id="review-assign-heading">Assigned reviewers</h2>
      <form onSubmit={save}>
        {assignments.candidates.length === 0 ? (
          <p className="muted">There are no active reviewers or editors. An admin adds them under Users.</p>
        ) : (
          <fieldset className="review-assignees">
            <legend className="sr-only">Assigned reviewers</legend>
            {assignments.candidates.map((person) => (
              <label key={person.id} className="review-check">
                <input type="checkbox" checked={chosen.has(person.id)} onChange={(e) => toggle(person.id, e.target.checked)} /> {person.name}{' '}
                <span className="muted small">{roleLabel[person.role]}</span>
              </label>
            ))}
          </fieldset>
        )}
        {leaving.length > 0 && (
          <p className="muted small">
            Also assigned, no longer active: {leaving.map((a) => a.name).join(', ')} (removed when you save).
          </p>
        )}
        {state.kind === 'error' && (
          <p role="alert" className="form-error">
            {state.message}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={state.kind === 'saving'} aria-busy={state.kind === 'saving'}>
            {state.kind === 'saving' ? 'Saving…' : 'Save assignments'}
          </button>
          {state.kind === 'saved' && (
            <span role="status" className="review-saved">
              Assignments saved.
            </span>
          )}
        </div>
      </form>
    </section>
  );
}
