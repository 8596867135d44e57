import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { navigate, workspacePath } from '../../app/router';
import { useSession } from '../../session/sessionStore';
import { listRecords, recordId } from '../../../shared/doc/collection';
import { collectionOf, metaOf } from '../../../shared/doc/workspaceDoc';
import { LANGUAGES, type Language } from '../../../shared/languages';
import { CRISIS_TYPE_KEYS, type CrisisTypeKey } from '../../../shared/playbook/types';
import { readFacts } from '../../../shared/statements/factsheet';
import { createStatement } from '../../../shared/statements/store';
import { fillTemplate, formatPlaceholderTime, PLACEHOLDERS, templatesFor, type Placeholder, type PlaceholderValues } from '../../../shared/statements/templates/index';
import { STATEMENT_KINDS, type StatementKind } from '../../../shared/statements/types';
import { useToasts } from '../../ui/toasts';
import { CreateIn, useOpenRooms } from './rooms';
import { useIdentity } from '../../identity/identity';
import { isDrillKey } from '../../../shared/incidents/incidents';
import { companyNameFor, readCompany } from '../../../shared/company/profile';

const PRODUCT_LABEL = /product|產品|产品|商品|品項|品项|model|型號|型号|服務|服务/i;
const CONTACT_LABEL = /contact|聯絡|联络|聯繫|联系|窗口|專線|专线|hotline|電話|电话/i;

/** Placeholder values the workspace and incident already know. */
function knownValues(doc: Y.Doc, incidentId: string, language: Language): PlaceholderValues {
  const meta = metaOf(doc);
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  // The company profile's legal name in this language — never the workspace's own name.
  const values: PlaceholderValues = { company: companyNameFor(readCompany(doc), language), contact: str(meta.get('contact')) };
  const inc = incidentId ? collectionOf(doc, 'incidents').get(incidentId) : undefined;
  if (inc) {
    values.incident = str(inc.get('title'));
    const t0 = inc.get('t0');
    if (typeof t0 === 'number' && t0 > 0) values.time = formatPlaceholderTime(t0, language);
    const facts = readFacts(inc);
    values.product = facts.find((f) => f.kind === 'model' || PRODUCT_LABEL.test(f.label))?.value ?? '';
    values.contact ||= facts.find((f) => CONTACT_LABEL.test(f.label))?.value ?? '';
  }
  return values;
}

/** New statement: from a holding-statement template (filled from the workspace and incident) or blank. */
export function NewStatement({ doc, wsId, incidentId: initialIncident }: { doc: Y.Doc; wsId: string; incidentId: string }) {
  const { t } = useTranslation('statements');
  const uiLanguage = useSession((s) => s.language);
  const userName = useSession((s) => s.userName);
  const profileName = useIdentity((s) => s.profile?.name ?? '');
  const myKey = useIdentity((s) => s.keys?.publicKey ?? '');
  const toast = useToasts((s) => s.show);
  const crisisTypes = useMemo(() => listRecords(collectionOf(doc, 'crisisTypes')).map((r) => ({ id: recordId(r), key: String(r.get('key') ?? ''), name: String(r.get('name') ?? '') })), [doc]);
  const incidents = useMemo(
    () => listRecords(collectionOf(doc, 'incidents')).map((r) => ({ id: recordId(r), title: String(r.get('title') ?? ''), crisisTypeId: String(r.get('crisisTypeId') ?? ''), drill: isDrillKey(recordId(r), r.get('drill')) })),
    [doc],
  );

  const [language, setLanguage] = useState<Language>(uiLanguage);
  const [incidentId, setIncidentId] = useState(initialIncident);
  const [crisisTypeId, setCrisisTypeId] = useState(() => incidents.find((i) => i.id === initialIncident)?.crisisTypeId ?? crisisTypes[0]?.id ?? '');
  const typeKey = crisisTypes.find((c) => c.id === crisisTypeId)?.key ?? '';
  const templates = templatesFor(language, (CRISIS_TYPE_KEYS as readonly string[]).includes(typeKey) ? (typeKey as CrisisTypeKey) : undefined);
  const [templateId, setTemplateId] = useState<string>('');
  const template = templates.find((tp) => tp.id === templateId) ?? (templateId === 'blank' ? undefined : templates[0]);
  const [kind, setKind] = useState<StatementKind>('holding');
  const [values, setValues] = useState<PlaceholderValues>(() => knownValues(doc, initialIncident, uiLanguage));
  const [title, setTitle] = useState('');
  // Where the statement lives: the workspace ('') or a restricted room this person is a member of.
  const [roomId, setRoomId] = useState('');
  const roomDoc = useOpenRooms().find((r) => r.room.id === roomId)?.doc;
  const filled = template ? fillTemplate(template, values) : null;

  const chooseIncident = (id: string) => {
    setIncidentId(id);
    const inc = incidents.find((i) => i.id === id);
    if (inc?.crisisTypeId) setCrisisTypeId(inc.crisisTypeId);
    setValues({ ...values, ...Object.fromEntries(Object.entries(knownValues(doc, id, language)).filter(([, v]) => v)) });
  };

  const create = () => {
    try {
      if (roomId && !roomDoc) throw new Error(roomId);
      const id = createStatement(
        roomDoc ?? doc,
        {
          title: title.trim() || filled?.title || t('new.untitled'),
          kind: template ? 'holding' : kind,
          language,
          by: profileName || userName || t('someone'),
          ...(myKey ? { byKey: myKey } : {}),
          ...(incidents.find((i) => i.id === incidentId)?.drill ? { drill: true } : {}),
          crisisTypeId,
          incidentId,
          templateId: template?.id ?? '',
          channels: template ? ['press', 'website'] : [],
          body: filled?.text ?? '',
        },
        'user',
      );
      navigate(workspacePath(wsId, 'statements', id));
    } catch (err) {
      toast({ text: t('errors.generic', { message: (err as Error).message }), ttl: 6000 });
    }
  };

  return (
    <main className="page statements-page new-statement">
      <a href={workspacePath(wsId, 'statements')} className="muted">
        ← {t('title')}
      </a>
      <h1>{t('new.title')}</h1>
      <div className="record-row">
        <label className="field">
          <span>{t('fields.language')}</span>
          <select data-testid="new-language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`language.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('fields.incident')}</span>
          <select data-testid="new-incident" value={incidentId} onChange={(e) => chooseIncident(e.target.value)}>
            <option value="">{t('fields.noIncident')}</option>
            {incidents.map((i) => (
              <option key={i.id} value={i.id}>
                {i.drill ? `${t('drill.badge')} · ${i.title}` : i.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('fields.crisisType')}</span>
          <select data-testid="new-crisis-type" value={crisisTypeId} onChange={(e) => setCrisisTypeId(e.target.value)}>
            <option value="">{t('fields.noCrisisType')}</option>
            {crisisTypes.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </div>

      <fieldset className="template-picker">
        <legend>{t('new.template')}</legend>
        {templates.map((tp) => (
          <label key={tp.id} className="template-option">
            <input type="radio" name="template" value={tp.id} checked={template?.id === tp.id} onChange={() => setTemplateId(tp.id)} />
            {tp.title}
          </label>
        ))}
        <label className="template-option">
          <input type="radio" name="template" value="blank" checked={!template} onChange={() => setTemplateId('blank')} data-testid="template-blank" />
          {t('new.blank')}
        </label>
      </fieldset>

      {template ? (
        <>
          <div className="placeholder-grid">
            {PLACEHOLDERS.map((p: Placeholder) => (
              <label key={p} className="field">
                <span>{t(`placeholder.${p}`)}</span>
                <input data-testid={`ph-${p}`} value={values[p] ?? ''} onChange={(e) => setValues({ ...values, [p]: e.target.value })} />
              </label>
            ))}
          </div>
          <h2 className="small-heading">{t('new.preview')}</h2>
          <div className="template-preview" data-testid="template-preview" lang={language}>
            {filled!.text.split('\n').map((line, i) => (
              <p key={i}>
                {/* Unfilled placeholders show as named blanks in the reader's language. */}
                {line.split(/(\{[a-z]+\})/).map((part, j) =>
                  /^\{[a-z]+\}$/.test(part) ? (
                    <mark key={j} className="placeholder-blank">
                      {t(`placeholder.${part.slice(1, -1)}`)}
                    </mark>
                  ) : (
                    part
                  ),
                )}
              </p>
            ))}
          </div>
          {filled!.missing.length > 0 && (
            <p className="warn" role="status">
              {t('new.missing', { list: filled!.missing.map((m) => t(`placeholder.${m}`)).join(t('listSeparator')) })}
            </p>
          )}
        </>
      ) : (
        <label className="field">
          <span>{t('fields.kind')}</span>
          <select value={kind} onChange={(e) => setKind(e.target.value as StatementKind)}>
            {STATEMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="field">
        <span>{t('fields.title')}</span>
        <input data-testid="new-title" value={title} placeholder={filled?.title ?? t('new.untitled')} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <CreateIn value={roomId} onChange={setRoomId} />
      <div className="row">
        <button type="button" className="primary" data-testid="create-statement" onClick={create}>
          {t('new.create')}
        </button>
      </div>
    </main>
  );
}
