'use client';

import { useCallback, useRef, useState } from 'react';

export interface Toast {
  id: number;
  message: string;
  kind: 'ok' | 'error';
}

export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const notify = useCallback(
    (message: string, kind: 'ok' | 'error' = 'ok') => {
      const id = nextId.current++;
      // The same message twice (say, two sockets closed for one reason) shows once.
      setToasts((list) => (list.some((t) => t.message === message && t.kind === kind) ? list : [...list.slice(-3), { id, message, kind }]));
      // Errors stay until dismissed; confirmations go away by themselves.
      if (kind === 'ok') setTimeout(() => dismiss(id), 4000);
    },
    [dismiss],
  );
  return { toasts, notify, dismiss };
}

export function Toasts({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : undefined}>
          <span>{toast.message}</span>
          <button type="button" className="button small" onClick={() => onDismiss(toast.id)} aria-label="Dismiss">
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
