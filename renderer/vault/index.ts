/**
 * The at-rest vault (issue 12) — PLACEHOLDER API agreed between helpers; the vault helper
 * replaces the bodies. Every document stored in CrisisRoomDb (workspaces and any other table of
 * Y.Docs, e.g. restricted rooms) is encrypted with the data key of its row id ("scope").
 */

/** Makes sure a data key exists for `scopeId` (a stored document's row id) before its row is written. */
export async function ensureDataKey(scopeId: string): Promise<void> {
  void scopeId;
}

/** Destroys the data key of `scopeId` (crypto-shredding) — call before deleting its rows. */
export async function shredDataKey(scopeId: string): Promise<void> {
  void scopeId;
}
