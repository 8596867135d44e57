import { create } from 'zustand';
import { toast as sonner, Toaster } from 'sonner';
import { useTranslation } from 'react-i18next';

/**
 * Short notices at the bottom of the window, some with one action ("Undo"), shown by sonner.
 * A toast (and its action) lasts exactly `ttl` ms — also while the pointer rests on it — because
 * some actions stop working then (a deleted workspace is purged after its undo period).
 */
export interface Toast {
  id: number;
  text: string;
  action?: { label: string; run: () => void };
  /** Milliseconds the toast stays (and its action stays available). */
  ttl: number;
}

interface ToastState {
  show: (t: Omit<Toast, 'id'>) => number;
  dismiss: (id: number) => void;
}

let nextId = 1;

export const useToasts = create<ToastState>(() => ({
  show: (t) => {
    const id = nextId++;
    sonner(t.text, { id, duration: Infinity, ...(t.action ? { action: { label: t.action.label, onClick: () => t.action!.run() } } : {}) });
    window.setTimeout(() => sonner.dismiss(id), t.ttl);
    return id;
  },
  dismiss: (id) => void sonner.dismiss(id),
}));

/** Where toasts appear (mounted once in app/App.tsx). Each toast carries the class `toast`. */
export function Toasts() {
  const { t } = useTranslation('ui');
  // Unstyled: the look is the app's `.toast` (styles.css); sonner stacks, animates and announces.
  // `dir` given: every language here is left-to-right, and without it sonner reads the page's
  // computed style as the first screen renders (a forced style pass, about 12 ms at open).
  return <Toaster dir="ltr" position="bottom-center" expand visibleToasts={6} customAriaLabel={t('toasts.label')} toastOptions={{ unstyled: true, className: 'toast' }} />;
}
