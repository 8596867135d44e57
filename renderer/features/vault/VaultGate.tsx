import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getVault, useVaultState } from '../../vault';
import { hasStoredIdentity } from '../../identity/identity';
import { OnboardingPage } from '../settings/OnboardingPage';
import { UnlockPage } from './UnlockPage';

/**
 * What the app shows before the vault is open — the first thing on every page load:
 * - `loading`: reading the keyring (and asking other unlocked tabs for the key);
 * - `none`: first start: the profile form with a passphrase (OnboardingPage);
 * - `setup`: a laptop with data from before encryption chooses a passphrase;
 * - `locked`: the unlock screen; `error`: the keyring could not be read.
 * `open` once the vault is unlocked (the identity decides what comes next).
 */
export type GateStage = 'loading' | 'none' | 'setup' | 'locked' | 'error' | 'open';

export function useGateStage(): GateStage {
  const status = useVaultState((s) => s.status);
  const [legacy, setLegacy] = useState<boolean | null>(null);
  useEffect(() => {
    void getVault().start();
  }, []);
  useEffect(() => {
    if (status === 'absent' && legacy === null) void hasStoredIdentity().then(setLegacy, () => setLegacy(false));
  }, [status, legacy]);
  switch (status) {
    case 'unlocked':
      return 'open';
    case 'locked':
      return 'locked';
    case 'error':
      return 'error';
    case 'absent':
      return legacy === null ? 'loading' : legacy ? 'setup' : 'none';
    default:
      return 'loading';
  }
}

export function VaultScreen({ stage }: { stage: GateStage }) {
  const { t } = useTranslation('vault');
  const error = useVaultState((s) => s.error);
  if (stage === 'none') return <OnboardingPage />;
  if (stage === 'setup' || stage === 'locked') return <UnlockPage setup={stage === 'setup'} />;
  if (stage === 'error')
    return (
      <p className="page error" role="alert">
        {t('failed', { message: error ?? '' })}
      </p>
    );
  return (
    <p className="page muted" data-testid="vault-loading">
      {t('checking')}
    </p>
  );
}
