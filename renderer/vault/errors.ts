/** Vault failures; `code` is also the i18n key under `vault:errors`. */
export type VaultErrorCode = 'locked' | 'wrongPassphrase' | 'wrongKey' | 'noDataKey' | 'damaged' | 'passphraseTooShort' | 'passphraseMismatch' | 'exists';

export class VaultError extends Error {
  constructor(
    readonly code: VaultErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'VaultError';
  }
}
