import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../shared/languages';

/** Who is using this laptop and how they like the app. UI/session state only (documents live in Yjs). */
export interface SessionState {
  language: Language;
  /** Display name shown to peers and recorded on approvals and log entries. */
  userName: string;
  /** Presence colour. */
  userColor: string;
  /**
   * Stable id of this laptop's profile: how the others tell which of their edits we hold, also
   * after we leave and come back with a new connection. Not a secret.
   */
  memberId: string;
  setLanguage: (language: Language) => void;
  setUserName: (name: string) => void;
}

/** A new random member id (16 url-safe characters). */
export function newMemberId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_');
}

const COLORS = ['#c2410c', '#0369a1', '#15803d', '#7e22ce', '#be123c', '#0f766e', '#a16207', '#4338ca'];

export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      language: DEFAULT_LANGUAGE,
      userName: '',
      userColor: COLORS[Math.floor(Math.random() * COLORS.length)]!,
      memberId: newMemberId(),
      setLanguage: (language) => set({ language }),
      setUserName: (userName) => set({ userName: userName.trim().slice(0, 80) }),
    }),
    {
      name: 'crisis-room.session',
      version: 1,
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<SessionState>;
        return {
          ...current,
          language: isLanguage(p.language) ? p.language : current.language,
          userName: typeof p.userName === 'string' ? p.userName : current.userName,
          userColor: typeof p.userColor === 'string' ? p.userColor : current.userColor,
          memberId: typeof p.memberId === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(p.memberId) ? p.memberId : current.memberId,
        };
      },
    },
  ),
);
