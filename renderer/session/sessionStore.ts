import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '../../shared/languages';

/** Who is using this laptop and how they like the app. UI/session state only (documents live in Yjs). */
export interface SessionState {
  language: Language;
  /**
   * Display name shown to peers and recorded on log entries: a copy of the identity profile's
   * name (renderer/identity), set when the identity loads or the profile changes in Settings.
   * Never persisted (names are stored only encrypted, renderer/vault); a value a laptop from
   * before identities left in localStorage is read once to pre-fill its first-start form, and is
   * overwritten by the next save.
   */
  userName: string;
  /** Presence colour. */
  userColor: string;
  /**
   * Stable id of this laptop's profile: how the others tell which of their edits we hold, also
   * after we leave and come back with a new connection. Not a secret.
   */
  memberId: string;
  setLanguage: (language: Language) => void;
  /**
   * @deprecated Who you are is set in Settings only (renderer/identity updateProfile), never by a
   * form that types a name. Kept until the statements approval panel stops calling it; with an
   * identity loaded the name is never empty, so that call does nothing.
   */
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
      partialize: (s) => ({ language: s.language, userColor: s.userColor, memberId: s.memberId }),
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
