import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { workspacePath } from '../../app/router';
import { useIdentity, useTrustedGenesisKey } from '../../identity/identity';
import { currentGovernanceView } from '../../identity/useGovernance';
import { useCurrentWorkspace } from '../../workspace/useWorkspace';
import type { PendingSignoff } from '../../../shared/statements/inbox';
import { SignoffInboxWatcher } from './inboxWatcher';
import { useOpenRooms } from '../../rooms/ui';
import './signoffInbox.css';

const NONE: readonly PendingSignoff[] = [];
const NOOP_SUBSCRIBE = () => () => {};
const NONE_SNAPSHOT = () => NONE;

/**
 * The statements waiting for this person's sign-off in the open workspace (inboxWatcher.ts: worked
 * out when the page is idle, ≤ 1 s after a change; the governance log is not read while the
 * workspace opens).
 */
function usePendingSignoffs(doc: Y.Doc | null, workspaceId: string | null): readonly PendingSignoff[] {
  const anchor = useTrustedGenesisKey(workspaceId);
  const key = useIdentity((s) => s.keys?.publicKey ?? '');
  // Statements of the restricted rooms open here are signed off too (a new watcher when the set changes).
  const rooms = useOpenRooms();
  const roomKey = rooms.map((r) => r.doc.guid).join(',');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the rooms' document ids
  const watcher = useMemo(() => (doc ? new SignoffInboxWatcher(doc, {}, rooms.map((r) => r.doc)) : null), [doc, roomKey]);
  useEffect(() => {
    if (!watcher || !anchor || !key) return;
    // The same view useGovernance() shows (made once per workspace and anchor; constructing it reads nothing).
    return watcher.start(currentGovernanceView(), key);
  }, [watcher, anchor, key]);
  return useSyncExternalStore(watcher?.subscribe ?? NOOP_SUBSCRIBE, watcher?.getSnapshot ?? NONE_SNAPSHOT);
}

/**
 * Top-bar item "awaiting your sign-off" (待您簽核), shown only while something waits for this
 * person: one statement → a link straight to it; several → their count, opening a list.
 */
export function SignoffInbox() {
  const { t } = useTranslation('statements');
  const current = useCurrentWorkspace((s) => s.current);
  const list = usePendingSignoffs(current?.doc ?? null, current?.id ?? null);
  const details = useRef<HTMLDetailsElement>(null);
  const many = list.length > 1;
  // The list closes on a click elsewhere and on Escape (focus back on its button).
  useEffect(() => {
    const d = details.current;
    if (!many || !d) return;
    const onDown = (e: PointerEvent) => {
      if (d.open && !d.contains(e.target as Node)) d.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !d.open) return;
      d.open = false;
      d.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', onDown);
    d.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      d.removeEventListener('keydown', onKey);
    };
  }, [many]);
  if (!current || list.length === 0) return null;
  const wsId = current.id;
  const roles = (p: PendingSignoff) => p.roles.map((r) => t(`role.${r}`)).join(t('listSeparator'));
  if (list.length === 1) {
    const p = list[0]!;
    return (
      <a className="signoff-inbox" data-testid="signoff-inbox" data-count="1" href={workspacePath(wsId, 'statements', p.statementId)} title={t('inbox.oneTitle', { title: p.title, roles: roles(p) })}>
        <span className="signoff-inbox-label">{t('inbox.one')}</span>
        <span className="signoff-inbox-title">
          {p.drill ? `${t('drill.badge')} · ` : ''}
          {p.title || t('new.untitled')}
        </span>
      </a>
    );
  }
  return (
    <details className="signoff-inbox-menu" ref={details}>
      <summary className="signoff-inbox" data-testid="signoff-inbox" data-count={list.length}>
        <span className="signoff-inbox-label">{t('inbox.label')}</span> <span className="signoff-inbox-count">{t('inbox.count', { count: list.length })}</span>
      </summary>
      <ul className="signoff-inbox-list" data-testid="signoff-inbox-list" aria-label={t('inbox.listTitle')}>
        {list.map((p) => (
          <li key={p.statementId}>
            <a
              href={workspacePath(wsId, 'statements', p.statementId)}
              data-testid="signoff-inbox-item"
              onClick={() => {
                if (details.current) details.current.open = false;
              }}
            >
              {p.drill && <span className="drill-badge">{t('drill.badge')}</span>} {p.title || t('new.untitled')}
              <span className="muted small"> · {t('inbox.as', { roles: roles(p) })}</span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
