'use client';

import { useId, useState } from 'react';
import { apiFetch, ApiError } from '@/lib/client/api-client';
import { Switch } from '@/components/ui/switch';

/** The editor's switch for blind double review of one article. */
export function BlindReviewToggle({ articleId, initial }: { articleId: string; initial: boolean }) {
  const [enabled, setEnabled] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const id = useId();

  async function change(next: boolean) {
    // Shown at once; put back if the server refuses.
    setEnabled(next);
    setSaving(true);
    setMessage(null);
    try {
      const result = await apiFetch<{ blindReview: boolean }>(`/api/articles/${articleId}/blind-review`, { method: 'PUT', json: { enabled: next } });
      setEnabled(result.blindReview);
      setMessage({ text: result.blindReview ? 'Blind review is on.' : 'Blind review is off: reviewers see every verdict.', error: false });
    } catch (error) {
      setEnabled(!next);
      setMessage({ text: error instanceof ApiError ? error.message : 'Could not change blind review.', error: true });
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="card blind-review-toggle">
      <div className="switch-row">
        <Switch id={id} checked={enabled} disabled={saving} onCheckedChange={(checked) => void change(checked)} aria-describedby={`${id}-hint`} />
        <label htmlFor={id}>
          <strong>Blind double review</strong>
        </label>
      </div>
      <p className="muted small" id={`${id}-hint`}>
        Reviewers see no one else’s verdict on a passage until they have submitted their own on it; you see everything and decide where they disagree (below).
      </p>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'form-error' : 'muted small'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
