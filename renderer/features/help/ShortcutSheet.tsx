import { useEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** Every keyboard shortcut of the app, listed where people look for them ("?" or the top bar). */
export const SHORTCUTS: ReadonlyArray<{ keys: string[]; what: 'search' | 'undo' | 'redo' | 'help' | 'close' }> = [
  { keys: ['Ctrl', 'K'], what: 'search' },
  { keys: ['Ctrl', 'Z'], what: 'undo' },
  { keys: ['Ctrl', 'Shift', 'Z'], what: 'redo' },
  { keys: ['?'], what: 'help' },
  { keys: ['Esc'], what: 'close' },
];

const typing = (t: EventTarget | null) => t instanceof HTMLElement && (t.isContentEditable || t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement);

/** "?" (outside text boxes) opens the sheet; Esc closes it (native <dialog>). */
export function ShortcutSheet(): ReactElement {
  const { t } = useTranslation('help');
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '?' && !e.ctrlKey && !e.metaKey && !e.altKey && !typing(e.target)) {
        e.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <>
      <button type="button" className="shortcut-open" onClick={() => setOpen(true)} aria-keyshortcuts="?" data-testid="shortcuts-open">
        {t('open')}
      </button>
      <dialog ref={ref} onClose={() => setOpen(false)} aria-labelledby="shortcut-title" data-testid="shortcut-sheet" className="shortcut-sheet">
        <h2 id="shortcut-title">{t('title')}</h2>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.what}>
                <td>
                  {s.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && ' + '}
                      <kbd>{k}</kbd>
                    </span>
                  ))}
                </td>
                <td>{t(`keys.${s.what}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <form method="dialog">
          <button type="submit">{t('close')}</button>
        </form>
      </dialog>
    </>
  );
}
