import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal dialog in the app's own window (the browser's <dialog>, shown modal): focus moves into
 * it, the page behind is inert, Escape closes it. Used where a step needs a deliberate second
 * look — releasing a statement, overriding a release gate — instead of window.confirm, which
 * Electron and tests cannot style, translate or inspect.
 */
export function Dialog({ open, title, onClose, children, testId }: { open: boolean; title: string; onClose: () => void; children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="app-dialog" aria-label={title} data-testid={testId} onClose={onClose} onCancel={onClose}>
      {open && (
        <>
          <h2 className="dialog-title">{title}</h2>
          {children}
        </>
      )}
    </dialog>
  );
}
