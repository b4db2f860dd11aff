'use client';

import { useCallback, useRef, useState, type ReactElement, type ReactNode } from 'react';
import { AlertDialog } from 'radix-ui';

export interface ConfirmOptions {
  title: string;
  description: ReactNode;
  /** The confirm button's name: the action itself ("Deactivate", "Revoke"), never "OK". */
  action: string;
  /** A destructive action gets a red button; others the primary one. */
  destructive?: boolean;
}

interface ConfirmDialogProps extends ConfirmOptions {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
  /** Where the focus goes back to when the dialog closes (Radix returns it only to its own trigger). */
  returnFocusTo?: HTMLElement | null;
}

/**
 * Radix AlertDialog: modal, the focus starts on Cancel and stays inside, Escape cancels, a click
 * outside does nothing.
 */
export function ConfirmDialog({ open, onOpenChange, onConfirm, title, description, action, destructive = false, returnFocusTo }: ConfirmDialogProps) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content
          className="card dialog-content"
          onCloseAutoFocus={(event) => {
            if (!returnFocusTo?.isConnected) return;
            event.preventDefault();
            returnFocusTo.focus();
          }}
        >
          <AlertDialog.Title className="dialog-title">{title}</AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">{description}</AlertDialog.Description>
          <div className="dialog-actions">
            <AlertDialog.Cancel className="button">Cancel</AlertDialog.Cancel>
            <AlertDialog.Action className={`button ${destructive ? 'destructive' : 'primary'}`} onClick={onConfirm}>
              {action}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

/**
 * `window.confirm` as a promise on the shared dialog: render `dialog` once, then
 * `if (!(await confirm({ title, description, action: 'Revoke', destructive: true }))) return;`.
 */
export function useConfirm(): [confirm: (options: ConfirmOptions) => Promise<boolean>, dialog: ReactElement] {
  const [open, setOpen] = useState(false);
  // Kept after closing, so that the dialog does not empty while it goes.
  const [options, setOptions] = useState<ConfirmOptions & { opener: HTMLElement | null }>({ title: '', description: '', action: '', opener: null });
  const resolver = useRef<((confirmed: boolean) => void) | null>(null);

  const confirm = useCallback((next: ConfirmOptions) => {
    resolver.current?.(false);
    setOptions({ ...next, opener: document.activeElement instanceof HTMLElement ? document.activeElement : null });
    setOpen(true);
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);

  const settle = (confirmed: boolean) => {
    setOpen(false);
    resolver.current?.(confirmed);
    resolver.current = null;
  };

  const { opener, ...shown } = options;
  const dialog = <ConfirmDialog {...shown} open={open} onOpenChange={(next) => !next && settle(false)} onConfirm={() => settle(true)} returnFocusTo={opener} />;
  return [confirm, dialog];
}
