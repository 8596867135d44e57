import type { TFunction } from 'i18next';
import { WorkflowError } from '../../../shared/statements/workflow';
import { useToasts } from '../../ui/toasts';

/** Runs a studio action; a refusal or error becomes a toast in the UI language. Returns success. */
export function runAction(t: TFunction<'statements'>, action: () => void): boolean {
  try {
    action();
    return true;
  } catch (err) {
    const text = err instanceof WorkflowError ? t(`errors.${err.code}`) : t('errors.generic', { message: (err as Error).message });
    useToasts.getState().show({ text, ttl: 6000 });
    return false;
  }
}
