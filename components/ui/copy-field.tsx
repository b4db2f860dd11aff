'use client';

import { useRef, useState } from 'react';

/** A read-only value with a Copy button, for secrets and links shown only once. */
export function CopyField({ id, label, value, hint }: { id: string; label: string; value: string; hint?: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const input = useRef<HTMLInputElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // No clipboard permission (or not a secure context): select it for Ctrl+C instead.
      input.current?.select();
      setState('failed');
    }
  }

  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input id={id} ref={input} readOnly value={value} onFocus={(event) => event.currentTarget.select()} aria-describedby={hint ? `${id}-hint` : undefined} />
        <button type="button" className="button" onClick={copy}>
          {state === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      {hint && (
        <span id={`${id}-hint`} className="small muted">
          {hint}
        </span>
      )}
      <span role="status" aria-live="polite" className="small">
        {state === 'copied' ? 'Copied to the clipboard.' : state === 'failed' ? 'Could not copy automatically: the text is selected, press Ctrl+C.' : ''}
      </span>
    </div>
  );
}
