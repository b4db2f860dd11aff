'use client';

import { useCallback, useRef, useState } from 'react';
import { Toast as ToastPrimitive } from 'radix-ui';

export interface Toast {
  id: number;
  message: string;
  kind: 'ok' | 'error';
}

/** How long a confirmation stays (Radix pauses it while the pointer or the focus is on the toasts). */
const CONFIRMATION_MS = 4000;

export function useToasts() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);
  const notify = useCallback((message: string, kind: 'ok' | 'error' = 'ok') => {
    const id = nextId.current++;
    // The same message twice (say, two sockets closed for one reason) shows once.
    setToasts((list) => (list.some((t) => t.message === message && t.kind === kind) ? list : [...list.slice(-3), { id, message, kind }]));
  }, []);
  return { toasts, notify, dismiss };
}

/**
 * Radix Toast: announced to screen readers (errors assertively), F8 moves the focus to them,
 * Escape or a swipe dismisses one. Errors stay until dismissed; confirmations go away by themselves.
 */
export function Toasts({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  return (
    <ToastPrimitive.Provider label="Message" swipeDirection="left" duration={CONFIRMATION_MS}>
      {toasts.map((toast) => (
        <ToastPrimitive.Root
          key={toast.id}
          className={`toast toast-${toast.kind}`}
          type={toast.kind === 'error' ? 'foreground' : 'background'}
          duration={toast.kind === 'error' ? Infinity : CONFIRMATION_MS}
          onOpenChange={(open) => {
            if (!open) onDismiss(toast.id);
          }}
        >
          <ToastPrimitive.Description className="toast-message">{toast.message}</ToastPrimitive.Description>
          <ToastPrimitive.Close className="button small" aria-label="Dismiss">
            <span aria-hidden="true">✕</span>
          </ToastPrimitive.Close>
        </ToastPrimitive.Root>
      ))}
      {/* Bottom left: the side panel's buttons (Submit, Save) are on the right and must stay clickable. */}
      <ToastPrimitive.Viewport className="toasts" label="Messages ({hotkey})" />
    </ToastPrimitive.Provider>
  );
}
