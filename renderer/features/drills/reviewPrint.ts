import type { PrintResult } from '../../../shared/ipc';
import { getPlatform } from '../../platform';

/**
 * Printing the after-action review: the platform call, kept out of the page component
 * (renderer/CONTEXT.md: side effects live in services).
 */
export function printReview(): Promise<PrintResult> {
  return getPlatform().print();
}
