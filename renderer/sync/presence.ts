import { useMemo } from 'react';
import { useSyncStore, type PresenceState } from './syncStore';
import { currentSync } from './syncLifecycle';

/** Someone else in the room, as presence shows them. */
export interface PresenceUser {
  clientId: number;
  name: string;
  color: string;
  /** The record they are editing, if any. */
  editing: string | null;
}

function toUser(clientId: number, s: PresenceState): PresenceUser {
  return { clientId, name: s.user.name, color: s.user.color, editing: s.editing ?? null };
}

/** Everyone else in the room right now. */
export function usePeople(): PresenceUser[] {
  const presence = useSyncStore((s) => s.presence);
  return useMemo(() => Object.entries(presence).map(([id, s]) => toUser(Number(id), s)), [presence]);
}

/**
 * The other members editing record `recordId` right now (empty when none or when `recordId` is
 * null). Features show them next to the item, e.g. with `<PresenceBadge recordId={id} />`.
 */
export function usePresence(recordId: string | null | undefined): PresenceUser[] {
  const presence = useSyncStore((s) => s.presence);
  return useMemo(
    () => (recordId ? Object.entries(presence).filter(([, p]) => p.editing === recordId).map(([id, p]) => toUser(Number(id), p)) : []),
    [presence, recordId],
  );
}

/** Tells the others which record we are editing (null when none). Safe to call without sync. */
export function setEditing(recordId: string | null): void {
  currentSync()?.setEditing(recordId);
}

/**
 * Props for the element that edits record `recordId` (a form, a card): while focus is inside it,
 * the others see that we are editing this record. `<div {...presenceFocusProps(step.id)}>…</div>`
 */
export function presenceFocusProps(recordId: string): { onFocus: () => void; onBlur: (e: { currentTarget: Element; relatedTarget: EventTarget | null }) => void } {
  return {
    onFocus: () => setEditing(recordId),
    onBlur: (e) => {
      if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) setEditing(null);
    },
  };
}
