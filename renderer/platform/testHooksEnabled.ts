/**
 * Whether end-to-end test hooks may be installed on this page: only when a test set
 * `localStorage['crisis-room.test-hooks'] = '1'` before the app loaded (never in normal use; a
 * page without storage access has none).
 */
export function testHooksEnabled(): boolean {
  try {
    return typeof window !== 'undefined' && localStorage.getItem('crisis-room.test-hooks') === '1';
  } catch {
    return false;
  }
}
