import i18n from 'i18next';

/** Runs a signed action from a button: busy while it runs, its error (translated) shown after. */
export function runAction(setBusy: (b: boolean) => void, setError: (e: string | null) => void, fn: () => Promise<void>): void {
  setBusy(true);
  fn()
    .then(() => setError(null))
    .catch((err: unknown) => setError(i18n.t('app:errors.unknown', { message: (err as Error).message })))
    .finally(() => setBusy(false));
}
