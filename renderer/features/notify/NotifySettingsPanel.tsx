import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { enableNotifications, useNotifySettings } from './notifyService';

/** The notification switches (Settings page). */
export function NotifySettingsPanel(): ReactElement {
  const { t } = useTranslation('notify');
  const s = useNotifySettings();
  const [denied, setDenied] = useState(false);
  return (
    <section className="card" data-testid="notify-settings">
      <h2>{t('title')}</h2>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={s.enabled}
          onChange={(e) => {
            if (!e.target.checked) return s.set({ enabled: false });
            void enableNotifications().then((ok) => setDenied(!ok));
          }}
        />{' '}
        {t('enabled')}
      </label>
      {denied && <p className="error" role="alert">{t('denied')}</p>}
      <label className="checkbox">
        <input type="checkbox" checked={s.sound} disabled={!s.enabled} onChange={(e) => s.set({ sound: e.target.checked })} /> {t('sound')}
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={s.onProjector} disabled={!s.enabled} onChange={(e) => s.set({ onProjector: e.target.checked })} /> {t('onProjector')}
      </label>
    </section>
  );
}
