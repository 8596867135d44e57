import { useTranslation } from 'react-i18next';
import type { KeyFingerprint as Fingerprint } from '../../../shared/governance';

/** A key fingerprint in both spellings (hex groups to read aloud, digits for a number pad). */
export function KeyFingerprint({ fingerprint, testId = 'fingerprint' }: { fingerprint: Fingerprint; testId?: string }) {
  const { t } = useTranslation('app');
  return (
    <span className="fingerprint" data-testid={testId} data-hex={fingerprint.hex}>
      <code className="fingerprint-hex" aria-label={t('profile.fingerprintHex')}>
        {fingerprint.hex}
      </code>{' '}
      <code className="fingerprint-digits muted" aria-label={t('profile.fingerprintDigits')}>
        {fingerprint.digits}
      </code>
    </span>
  );
}
