import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ZodError } from 'zod';
import { CompanyProfileSchema, hasCompanyName, MAX_LOGO_BYTES, readCompany, writeCompany, type CompanyProfile } from '../../../shared/company/profile';
import { LANGUAGES } from '../../../shared/languages';
import { useYSnapshot } from '../../hooks/useY';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import { useWorkspaceDoc } from '../../workspace/useWorkspace';

function readFile(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(new Error('company.errors.logoRead'));
    r.readAsDataURL(file);
  });
}

/** The company profile form: legal name per language, letterhead, contact line, logo. */
export function CompanyPage(): ReactElement | null {
  const { t } = useTranslation('company');
  const doc = useWorkspaceDoc();
  const stored = useYSnapshot(doc ? metaOf(doc) : null, () => (doc ? readCompany(doc) : null));
  if (!doc || !stored) return null;
  return <CompanyForm key={JSON.stringify(stored)} initial={stored} onSave={(p) => writeCompany(doc, p, 'user')} t={t} />;
}

function CompanyForm({ initial, onSave, t }: { initial: CompanyProfile; onSave: (p: CompanyProfile) => void; t: (k: string) => string }): ReactElement {
  const [draft, setDraft] = useState<CompanyProfile>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<CompanyProfile>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setSaved(false);
  };
  const save = () => {
    const result = CompanyProfileSchema.safeParse(draft);
    if (!result.success) {
      setErrors(Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message])));
      return;
    }
    try {
      onSave(result.data);
      setErrors({});
      setSaved(true);
    } catch (err) {
      if (err instanceof ZodError) setErrors(Object.fromEntries(err.issues.map((i) => [i.path.join('.'), i.message])));
      else throw err;
    }
  };
  const err = (path: string) => (errors[path] ? <span className="error" role="alert">{t(errors[path]!.replace(/^company\./, ''))}</span> : null);
  const field = (label: string, value: string, onChange: (v: string) => void, path: string, testId: string, multiline = false) => (
    <label className="field">
      <span>{label}</span>
      {multiline ? <textarea rows={2} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} /> : <input type="text" value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />}
      {err(path)}
    </label>
  );
  return (
    <main className="page company-page" data-testid="company-page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {!hasCompanyName(initial) && (
        <p className="warning" role="status" data-testid="company-missing">
          {t('missing')}
        </p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        {field(t('name'), draft.name, (v) => set({ name: v }), 'name', 'company-name-general')}
        {LANGUAGES.map((l) => (
          <div key={l}>{field(t(`names.${l}`), draft.names[l] ?? '', (v) => set({ names: { ...draft.names, [l]: v } }), `names.${l}`, `company-name-${l}`)}</div>
        ))}
        {field(t('letterhead'), draft.letterhead, (v) => set({ letterhead: v }), 'letterhead', 'company-letterhead', true)}
        {field(t('contact'), draft.contact, (v) => set({ contact: v }), 'contact', 'company-contact')}
        <label className="field">
          <span>{t('logo')}</span>
          <input
            type="file"
            accept="image/png,image/jpeg"
            data-testid="company-logo"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (!file) return;
              if (file.size > MAX_LOGO_BYTES) return setErrors((x) => ({ ...x, logo: 'company.errors.logoTooLarge' }));
              readFile(file).then(
                (url) => {
                  setErrors((x) => ({ ...x, logo: '' }));
                  set({ logo: url });
                },
                () => setErrors((x) => ({ ...x, logo: 'company.errors.logoRead' })),
              );
            }}
          />
          {err('logo')}
        </label>
        {draft.logo && (
          <p>
            <img src={draft.logo} alt="" className="company-logo-preview" style={{ maxHeight: 64, maxWidth: 240 }} data-testid="company-logo-preview" />{' '}
            <button type="button" onClick={() => set({ logo: '' })}>
              {t('removeLogo')}
            </button>
          </p>
        )}
        <button type="submit" className="primary" data-testid="company-save">
          {t('save')}
        </button>
        {saved && (
          <span className="muted" role="status" data-testid="company-saved">
            {' '}
            {t('saved')}
          </span>
        )}
      </form>
    </main>
  );
}
