import { useState } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import { applyMatrixImport, CSV_MAX_BYTES, decodeCsvBytes, parseMatrixCsv, type CsvRowError, type MatrixImportPlan } from '../../../shared/roles/csv';
import { CSV_ENCODINGS, isCsvEncoding, type CsvEncoding, type EncodingEvidence } from '../../../shared/roles/encoding';
import { PHASES, type Phase, type RoleMap } from '../../../shared/roles/types';
import { LANGUAGES } from '../../../shared/languages';
import type { SaveOutcome } from '../../platform';
import { useToasts } from '../../ui/toasts';
import { rolesLocales } from './locales';
import { pickRoleMapCsv, saveContactCards, saveRoleMapCsv, type VCardLabels } from './rolesFiles';

/** A picked file: its bytes are kept so that another encoding can be tried without picking again. */
interface Picked {
  name: string;
  bytes: Uint8Array;
  /** 'auto' = detected. */
  encoding: CsvEncoding | 'auto';
}

/** What was read: in which encoding, why, and the first lines (so garbled text shows at once). */
interface ReadInfo {
  encoding: CsvEncoding;
  evidence: EncodingEvidence;
  preview: string[];
}

type ImportState =
  | { kind: 'idle' }
  | { kind: 'checked'; file: Picked; read: ReadInfo; plan: MatrixImportPlan }
  | { kind: 'rejected'; name: string; file: Picked | null; read: ReadInfo | null; errors: CsvRowError[] };

const PREVIEW_ROWS = 3;

/** Phase names in every app language, so a file written with localized phases still reads. */
const PHASE_ALIASES: Record<string, Phase> = Object.fromEntries(
  LANGUAGES.flatMap((lang) => PHASES.map((p) => [(rolesLocales[lang] as { phases: Record<Phase, string> }).phases[p], p])),
);

/** Decodes and checks a picked file against the map. */
function check(file: Picked, map: RoleMap): ImportState {
  const decoded = decodeCsvBytes(file.bytes, file.encoding === 'auto' ? undefined : file.encoding);
  if (!decoded.ok) return { kind: 'rejected', name: file.name, file, read: null, errors: [decoded.error] };
  const preview = decoded.text
    .split(/\r\n|\r|\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, PREVIEW_ROWS)
    .map((l) => (l.length > 160 ? `${l.slice(0, 160)}…` : l));
  const read: ReadInfo = { encoding: decoded.encoding, evidence: decoded.evidence, preview };
  const result = parseMatrixCsv(decoded.text, map, { phaseAliases: PHASE_ALIASES });
  return result.ok ? { kind: 'checked', file, read, plan: result.plan } : { kind: 'rejected', name: file.name, file, read, errors: result.errors };
}

/** vCard export of the contacts; CSV export and checked, all-or-nothing import of people and matrix. */
export function ExchangePanel({ doc, map }: { doc: Y.Doc; map: RoleMap }) {
  const { t } = useTranslation('roles');
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const toast = (text: string) => useToasts.getState().show({ text, ttl: 6000 });
  const baseName = String(metaOf(doc).get('name') ?? '') || 'crisis-room';

  const saved = (outcome: SaveOutcome) => {
    if (outcome.kind === 'saved') toast(t('exchange.saved', { path: outcome.path }));
    else if (outcome.kind === 'downloaded') toast(t('exchange.downloaded', { name: outcome.name }));
  };

  const saveVCards = async () => {
    const labels = t('exchange.vcardLabels', { returnObjects: true }) as VCardLabels;
    saved(await saveContactCards(map, baseName, labels));
  };
  const saveCsv = async () => {
    saved(await saveRoleMapCsv(map, baseName));
  };
  const pickCsv = async () => {
    const file = await pickRoleMapCsv(CSV_MAX_BYTES);
    if (file.kind === 'cancelled') return;
    if (file.kind === 'too-large') {
      setState({ kind: 'rejected', name: file.name, file: null, read: null, errors: [{ row: null, code: 'fileTooLarge', params: {} }] });
      return;
    }
    const bytes = file.kind === 'bytes' ? file.bytes : new TextEncoder().encode(file.text);
    setState(check({ name: file.name, bytes, encoding: 'auto' }, map));
  };
  const chooseEncoding = (file: Picked, value: string) => setState(check({ ...file, encoding: isCsvEncoding(value) ? value : 'auto' }, map));
  const apply = (plan: MatrixImportPlan) => {
    const done = applyMatrixImport(doc, plan);
    setState({ kind: 'idle' });
    toast(t('exchange.done', { cells: done.cells, removed: done.removed, added: done.peopleAdded, updated: done.peopleUpdated }));
  };
  const file = state.kind === 'idle' ? null : state.file;
  const read = state.kind === 'idle' ? null : state.read;

  return (
    <div className="roles-exchange">
      <section className="detail">
        <h2>{t('exchange.contacts')}</h2>
        <p className="muted small">{t('exchange.vcardHelp')}</p>
        <button type="button" data-testid="export-vcard" onClick={() => void saveVCards()}>
          {t('exchange.vcard')}
        </button>
      </section>
      <section className="detail">
        <h2>{t('exchange.matrix')}</h2>
        <p className="muted small">{t('exchange.importHelp')}</p>
        <div className="row">
          <button type="button" data-testid="export-csv" onClick={() => void saveCsv()}>
            {t('exchange.csv')}
          </button>
          <button type="button" data-testid="import-csv" onClick={() => void pickCsv()}>
            {t('exchange.import')}
          </button>
        </div>
        {file && <EncodingChoice file={file} read={read} onChoose={(v) => chooseEncoding(file, v)} />}
        {state.kind === 'checked' && (
          <div className="roles-import-check" data-testid="import-checked">
            <p>
              {t('exchange.checked', {
                name: state.file.name,
                rows: state.plan.rowCount,
                types: state.plan.replaceCrisisTypeIds.length,
                fr: state.plan.firstResponders.length,
                added: state.plan.people.filter((p) => p.isNew).length,
                matched: state.plan.people.filter((p) => !p.isNew).length,
              })}
            </p>
            <div className="row">
              <button type="button" className="primary" data-testid="import-apply" onClick={() => apply(state.plan)}>
                {t('exchange.apply')}
              </button>
              <button type="button" onClick={() => setState({ kind: 'idle' })}>
                {t('exchange.cancel')}
              </button>
            </div>
          </div>
        )}
        {state.kind === 'rejected' && <ImportErrors name={state.name} errors={state.errors} onClose={() => setState({ kind: 'idle' })} />}
      </section>
    </div>
  );
}

/** Which encoding the file was read in (and why), a preview, and a choice of another encoding. */
function EncodingChoice({ file, read, onChoose }: { file: Picked; read: ReadInfo | null; onChoose: (value: string) => void }) {
  const { t } = useTranslation('roles');
  return (
    <div className="roles-import-encoding" data-testid="import-encoding">
      {read && (
        <p data-testid="import-encoding-read" data-encoding={read.encoding} data-evidence={read.evidence}>
          {t('exchange.encoding.read', { encoding: t(`exchange.encoding.names.${read.encoding}`) })} {t(read.evidence === 'chosen' ? 'exchange.encoding.chosen' : 'exchange.encoding.detected')}
        </p>
      )}
      <label className="row">
        <span>{t('exchange.encoding.label')}</span>
        <select data-testid="import-encoding-select" value={file.encoding} onChange={(e) => onChoose(e.target.value)}>
          <option value="auto">{t('exchange.encoding.auto')}</option>
          {CSV_ENCODINGS.map((enc) => (
            <option key={enc} value={enc}>
              {t(`exchange.encoding.names.${enc}`)}
            </option>
          ))}
        </select>
      </label>
      <p className="muted small">{t('exchange.encoding.help')}</p>
      {read && read.preview.length > 0 && (
        <figure>
          <figcaption className="muted small">{t('exchange.encoding.preview', { count: read.preview.length })}</figcaption>
          <pre className="small" data-testid="import-preview" lang="zh">
            {read.preview.join('\n')}
          </pre>
        </figure>
      )}
    </div>
  );
}

function ImportErrors({ name, errors, onClose }: { name: string; errors: CsvRowError[]; onClose: () => void }) {
  const { t } = useTranslation('roles');
  const problems = errors.filter((e) => e.code !== 'tooManyErrors').length;
  const message = (e: CsvRowError) => {
    const encoding = e.code === 'badEncoding' ? String(e.params.encoding ?? '') : '';
    if (encoding) return t('exchange.errors.badEncodingAs', { encoding: t(`exchange.encoding.names.${encoding}`) });
    return t(`exchange.errors.${e.code}`, { ...e.params, max: CSV_MAX_BYTES / 1024 });
  };
  return (
    <div className="roles-import-errors" role="alert" data-testid="import-rejected">
      <p className="error">{t('exchange.rejected', { name, count: problems })}</p>
      <table>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i} data-testid="import-error" data-row={e.row ?? ''} data-code={e.code}>
              <th scope="row">{e.row === null ? t('exchange.wholeFile') : t('exchange.row', { row: e.row })}</th>
              <td>{message(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" onClick={onClose}>
        {t('exchange.cancel')}
      </button>
    </div>
  );
}
