import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { create } from 'zustand';

/**
 * The app's one confirmation dialog (Radix AlertDialog), replacing the browser's window.confirm,
 * which Electron and tests cannot style, translate or inspect. `confirm()` asks and resolves true
 * (the action button) or false (Cancel, Esc). The dialog is modal: focus stays inside it (Tab
 * cycles through its buttons), the page behind is hidden from assistive technology, and focus
 * goes back to what was focused before. A destructive action (`danger`) is styled as such and
 * starts with focus on Cancel, so Enter does not destroy; otherwise the action button has focus.
 * `ConfirmHost` is mounted once at the app root (app/App.tsx). Lint forbids the native
 * confirm/alert/prompt in renderer/ (eslint.config.js).
 */
export interface ConfirmOptions {
  /** Names the dialog: a short question or the action ("刪除工作區？"). */
  title: string;
  /** What will happen, in a sentence or two. */
  body?: string;
  /** The action button's text (default: OK in the UI language). */
  confirmLabel?: string;
  /** A destructive action: red action button, initial focus on Cancel. */
  danger?: boolean;
}

interface Pending extends ConfirmOptions {
  id: number;
  resolve: (ok: boolean) => void;
  /** What had focus when the question was asked; focus goes back to it. */
  returnFocus: HTMLElement | null;
}

const useConfirmQueue = create<{ queue: Pending[] }>(() => ({ queue: [] }));
let nextId = 1;
let hosts = 0;

/** Asks in the app's own dialog; resolves true when the person confirms, false on Cancel or Esc. Questions asked while one is open wait their turn. */
export function confirm(options: ConfirmOptions): Promise<boolean> {
  if (hosts === 0) {
    console.error('confirm(): no ConfirmHost is mounted; treated as cancelled');
    return Promise.resolve(false);
  }
  const active = document.activeElement;
  return new Promise<boolean>((resolve) => {
    const item: Pending = { ...options, id: nextId++, resolve, returnFocus: active instanceof HTMLElement ? active : null };
    useConfirmQueue.setState((s) => ({ queue: [...s.queue, item] }));
  });
}

function settle(item: Pending, ok: boolean): void {
  const { queue } = useConfirmQueue.getState();
  if (!queue.includes(item)) return;
  useConfirmQueue.setState({ queue: queue.filter((q) => q !== item) });
  item.resolve(ok);
}

/** Renders the question at the head of the queue; mount once at the app root. */
export function ConfirmHost() {
  const current = useConfirmQueue((s) => s.queue[0]);
  useEffect(() => {
    hosts++;
    return () => {
      hosts--;
      // Nothing can answer once the last host is gone: what is still asked counts as cancelled.
      if (hosts === 0) for (const item of useConfirmQueue.getState().queue) settle(item, false);
    };
  }, []);
  return current ? <ConfirmDialog key={current.id} item={current} /> : null;
}

function ConfirmDialog({ item }: { item: Pending }) {
  const { t } = useTranslation('ui');
  const actionRef = useRef<HTMLButtonElement>(null);
  return (
    <AlertDialog.Root open onOpenChange={(open) => !open && settle(item, false)}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="confirm-overlay" />
        <AlertDialog.Content
          className="confirm-dialog"
          data-testid="confirm-dialog"
          data-danger={item.danger ? 'true' : undefined}
          {...(item.body ? {} : { 'aria-describedby': undefined })}
          onOpenAutoFocus={(e) => {
            // Radix starts on Cancel; a harmless action starts on its own button.
            if (item.danger) return;
            e.preventDefault();
            actionRef.current?.focus({ preventScroll: true });
          }}
          onCloseAutoFocus={(e) => {
            e.preventDefault();
            if (item.returnFocus?.isConnected) item.returnFocus.focus({ preventScroll: true });
          }}
        >
          <AlertDialog.Title className="confirm-title">{item.title}</AlertDialog.Title>
          {item.body && <AlertDialog.Description className="confirm-body">{item.body}</AlertDialog.Description>}
          <div className="confirm-actions">
            <AlertDialog.Cancel className="confirm-cancel" data-testid="confirm-cancel">
              {t('confirm.cancel')}
            </AlertDialog.Cancel>
            <AlertDialog.Action ref={actionRef} className={item.danger ? 'confirm-ok confirm-danger' : 'confirm-ok'} data-testid="confirm-ok" onClick={() => settle(item, true)}>
              {item.confirmLabel ?? t('confirm.ok')}
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
