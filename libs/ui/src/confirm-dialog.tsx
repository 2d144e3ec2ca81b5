import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Button } from './button';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, and whether it can be undone. */
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  /** Called for the cancel button, Escape, and a click on the backdrop. */
  onCancel: () => void;
  tone?: 'default' | 'danger';
  /** The confirmation is being carried out: the confirm button shows a spinner. */
  confirming?: boolean;
  /** A problem with carrying it out, shown inside the dialog. */
  error?: ReactNode;
}

/**
 * A modal question built on the native `<dialog>`: the browser traps focus, makes the page behind
 * it inert and closes it on Escape. Focus starts on "cancel" (the safe choice) and returns to
 * whatever opened the dialog.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  tone = 'default',
  confirming = false,
  error,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const opener = useRef<Element | null>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement;
      dialog.showModal();
      cancelRef.current?.focus();
    } else if (!open && dialog.open) {
      dialog.close();
      if (opener.current instanceof HTMLElement) opener.current.focus();
    }
  }, [open]);

  // A click on the backdrop lands on the dialog element itself (a mouse convenience; Escape covers keyboards).
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const onClick = (event: MouseEvent) => {
      if (event.target === dialog && !confirming) onCancel();
    };
    dialog.addEventListener('click', onClick);
    return () => dialog.removeEventListener('click', onClick);
  }, [confirming, onCancel]);

  return (
    <dialog
      ref={ref}
      className={`dd-dialog dd-dialog--${tone}`}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        // Escape: let React state decide, so the dialog and `open` never disagree.
        event.preventDefault();
        if (!confirming) onCancel();
      }}
    >
      <div className="dd-dialog__panel">
        <h2 className="dd-dialog__title" id={titleId}>
          {title}
        </h2>
        <div className="dd-dialog__body" id={bodyId}>
          {children}
        </div>
        {error ? <div className="dd-dialog__error">{error}</div> : null}
        <div className="dd-dialog__actions">
          <Button ref={cancelRef} variant="secondary" onClick={onCancel} disabled={confirming}>
            {cancelLabel}
          </Button>
          <Button variant={tone === 'danger' ? 'danger' : 'primary'} onClick={onConfirm} loading={confirming}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
