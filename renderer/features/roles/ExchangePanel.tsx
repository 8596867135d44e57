import { useState } from 'react';
import type * as Y from 'yjs';
import { useTranslation } from 'react-i18next';
import { metaOf } from '../../../shared/doc/workspaceDoc';
import { applyMatrixImport, CSV_MAX_BYTES, decodeCsvBytes, exportMatrixCsv, parseMatrixCsv, type CsvRowError, type MatrixImportPlan } from '../../../shared/roles/csv';
import { PHASES, type Phase, type RoleMap } from '../../../shared/roles/types';
import { exportVCards } from '../../../shared/roles/vcard';
import { LANGUAGES } from '../../../shared/languages';
import { getPlatform, type SaveOutcome } from '../../platform';
import { useToasts } from '../../ui/toasts';
import { rolesLocales } from './locales';

type ImportState = { kind: 'idle' } | { kind: 'checked'; name: string; plan: MatrixImportPlan } | { kind: 'rejected'; name: string; errors: CsvRowError[] };

/** Phase names in every app language, so a file written with localized phases still reads. */
const PHASE_ALIASES: Record<string, Phase> = Object.fromEntries(
  LANGUAGES.flatMap((lang) => PHASES.map((p) => [(rolesLocales[lang] as { phases: Record<Phase, string> }).phases[p], p])),
);

/** vCard export of the contacts; CSV export and checked, all-or-nothing import of the matrix. */
export function ExchangePanel({ doc, map }: { doc: Y.Doc; map: RoleMap }) {
  const { t } = useTranslation('roles');
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const platform = getPlatform();
  const toast = (text: string) => useToasts.getState().show({ text, ttl: 6000 });
  const baseName = String(metaOf(doc).get('name') ?? '') || 'crisis-room';

  const saved = (outcome: SaveOutcome) => {
    if (outcome.kind === 'saved') toast(t('exchange.saved', { path: outcome.path }));
    else if (outcome.kind === 'downloaded') toast(t('exchange.downloaded', { name: outcome.name }));
  };

  const saveVCards = async () => {
    const labels = t('exchange.vcardLabels', { returnObjects: true }) as { backup: string; handle: string; keyRole: string; category: string };
    saved(await platform.saveFile({ suggestedName: `${baseName}-contacts.vcf`, mime: 'text/vcard', text: exportVCards(map, labels), filters: [{ name: 'vCard', extensions: ['vcf'] }] }));
  };
  const saveCsv = async () => {
    saved(await platform.saveFile({ suggestedName: `${baseName}-raci.csv`, mime: 'text/csv', text: exportMatrixCsv(map), filters: [{ name: 'CSV', extensions: ['csv'] }] }));
  };
  const pickCsv = async () => {
    const file = await platform.openFile({ as: 'bytes', filters: [{ name: 'CSV', extensions: ['csv', 'txt'] }], maxBytes: CSV_MAX_BYTES });
    if (file.kind === 'cancelled') return;
    if (file.kind === 'too-large') {
      setState({ kind: 'rejected', name: file.name, errors: [{ row: null, code: 'fileTooLarge', params: {} }] });
      return;
    }
    const bytes = file.kind === 'bytes' ? file.bytes : new TextEncoder().encode(file.text);
    const decoded = decodeCsvBytes(bytes);
    if (!decoded.ok) {
      setState({ kind: 'rejected', name: file.name, errors: [decoded.error] });
      return;
    }
    const result = parseMatrixCsv(decoded.text, map, { phaseAliases: PHASE_ALIASES });
    setState(result.ok ? { kind: 'checked', name: file.name, plan: result.plan } : { kind: 'rejected', name: file.name, errors: result.errors });
  };
  const apply = (plan: MatrixImportPlan) => {
    const done = applyMatrixImport(doc, plan);
    setState({ kind: 'idle' });
    toast(t('exchange.done', { cells: done.cells, removed: done.removed }));
  };

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
        {state.kind === 'checked' && (
          <div className="roles-import-check" data-testid="import-checked">
            <p>{t('exchange.checked', { name: state.name, rows: state.plan.rowCount, types: state.plan.replaceCrisisTypeIds.length, fr: state.plan.firstResponders.length })}</p>
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

function ImportErrors({ name, errors, onClose }: { name: string; errors: CsvRowError[]; onClose: () => void }) {
  const { t } = useTranslation('roles');
  const problems = errors.filter((e) => e.code !== 'tooManyErrors').length;
  return (
    <div className="roles-import-errors" role="alert" data-testid="import-rejected">
      <p className="error">{t('exchange.rejected', { name, count: problems })}</p>
      <table>
        <tbody>
          {errors.map((e, i) => (
            <tr key={i} data-testid="import-error" data-row={e.row ?? ''} data-code={e.code}>
              <th scope="row">{e.row === null ? t('exchange.wholeFile') : t('exchange.row', { row: e.row })}</th>
              <td>{t(`exchange.errors.${e.code}`, { ...e.params, max: CSV_MAX_BYTES / 1024 })}</td>
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
