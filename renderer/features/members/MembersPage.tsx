import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { deriveAdmissions, keyFingerprint } from '../../../shared/governance';
import type { SectionProps } from '../../app/sections';
import { useCurrentWorkspace } from '../../workspace/useWorkspace';
import { useIdentity, useTrustedGenesisKey } from '../../identity/identity';
import { useGovernance } from '../../identity/useGovernance';
import { KeyFingerprint } from '../settings/KeyFingerprint';
import { AnchorPanel } from './AnchorPanel';
import { RosterTable } from './RosterTable';
import { JoinRequests } from './JoinRequests';
import { RejectedEntries } from './RejectedEntries';
import { RoomKeyPanel } from './RoomKeyPanel';
import { PolicyPanel } from './PolicyPanel';
import { CompartmentsPanel } from './CompartmentsPanel';
import './members.css';

/**
 * The Members page (成員): the roster this laptop replays from the signed log, join requests,
 * the workspace policy, entries that do not count and why, the room key, and — for owners — role
 * changes, removals, the policy editor and rotating the room key.
 */
export function MembersPage(_props: SectionProps) {
  const { t } = useTranslation('members');
  const current = useCurrentWorkspace((s) => s.current);
  const anchor = useTrustedGenesisKey(current?.id ?? null);
  const gov = useGovernance();
  const myKey = useIdentity((s) => s.keys?.publicKey ?? null);
  const myFingerprint = useIdentity((s) => s.fingerprint);
  const admissions = useMemo(() => (gov ? deriveAdmissions(gov) : null), [gov]);
  if (!current) return null;
  const me = myKey ? gov?.roster.byKey.get(myKey) : undefined;
  const isOwner = Boolean(gov?.roster.settled && me && !me.removed && me.roles.includes('owner'));

  return (
    <main className="page members-page" data-testid="members-page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {anchor === undefined && <p className="muted">{t('loading')}</p>}
      {anchor === null && <AnchorPanel workspaceId={current.id} doc={current.doc} />}
      {anchor && (
        <p className="small muted" data-testid="anchor">
          {t('anchor.current')} <KeyFingerprint fingerprint={keyFingerprint(anchor)} testId="anchor-fingerprint" />
        </p>
      )}
      {gov && admissions && (
        <>
          {!gov.roster.settled && (
            <p role="status" className="muted" data-testid="roster-verifying">
              {t('verifying')}
            </p>
          )}
          <p data-testid="my-standing" data-state={me ? (me.removed ? 'removed' : 'member') : 'outside'}>
            {me && !me.removed
              ? t('me.member', { roles: me.roles.map((r) => t(`roles.${r}`)).join('、') || t('roles.none') })
              : me?.removed
                ? t('me.removed')
                : t('me.outside')}{' '}
            {myFingerprint && <KeyFingerprint fingerprint={myFingerprint} testId="my-fingerprint" />}
          </p>
          {!gov.roster.genesis && gov.roster.settled && <p className="error">{t('anchor.noGenesis')}</p>}
          <RosterTable gov={gov} myKey={myKey} isOwner={isOwner} />
          <JoinRequests gov={gov} admissions={admissions} isOwner={isOwner} />
          <PolicyPanel gov={gov} isOwner={isOwner} />
          {me && <RoomKeyPanel gov={gov} isOwner={isOwner} />}
          <CompartmentsPanel gov={gov} isOwner={isOwner} myKey={myKey} />
          <RejectedEntries gov={gov} />
        </>
      )}
    </main>
  );
}
