import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import { addRecord, childCollection, listRecords, removeRecord, setField, type YCollection, type YRecord, recordId } from '../../../shared/doc/collection';
import { INJECT_CHANNELS, InjectRecord, ScenarioRecord, readScenario, scenariosOf } from '../../../shared/drills/scenario';
import { workspacePath } from '../../app/router';
import { useYSnapshot } from '../../hooks/useY';
import { NumberField, SelectField, TextField } from '../../ui/fields';
import { useCrisisTypes } from '../incidents/hooks';
import { focusNewRecord, recordIdProps } from '../../ui/focusNew';

/** Editing a scenario the team owns: its name and injects (time, channel, content, expected response, step). */
export function ScenarioEditor({ doc, workspaceId, scenarioId }: { doc: Y.Doc; workspaceId: string; scenarioId: string }) {
  const { t } = useTranslation('drills');
  const rec = useYSnapshot(scenariosOf(doc), (c) => {
    const r = c.get(scenarioId);
    return r instanceof Y.Map ? r : null;
  }) ?? null;
  const scenario = useYSnapshot(rec, (r) => readScenario(r, scenarioId)) ?? null;
  const types = useCrisisTypes(doc);
  if (!rec || !scenario) return <main className="page"><a href={workspacePath(workspaceId, 'drills')}>{t('scenarioEditor.back')}</a></main>;
  const type = types.find((x) => x.key === scenario.crisisTypeKey);
  const injectRecs = new Map(listRecords((rec.get('injects') as YCollection | undefined) ?? new Y.Map()).map((r) => [recordId(r), r as YRecord]));
  const stepOptions = [{ value: '', label: t('scenarioEditor.noStep') }, ...(type?.steps ?? []).map((s) => ({ value: s.id, label: s.title }))];
  const addInject = () => {
    const last = Math.max(0, ...scenario.injects.map((i) => i.offsetMinutes));
    focusNewRecord(addRecord(childCollection(rec, 'injects', 'user'), { offsetMinutes: last + 15, channel: 'social', content: '', expectedResponse: '', linkedStepId: '', linkedStepTitle: '' }, 'user'), 'textarea');
  };
  return (
    <main className="page scenario-editor">
      <a href={workspacePath(workspaceId, 'drills')}>{t('scenarioEditor.back')}</a>
      <h1>{t('scenarioEditor.title')}</h1>
      <TextField record={rec} def={ScenarioRecord} field="title" label={t('scenarioEditor.name')} value={scenario.title} maxLength={300} />
      <ol className="record-list">
        {scenario.injects.map((inj) => {
          const r = injectRecs.get(inj.id);
          if (!r) return null;
          return (
            <li key={inj.id} className="record" data-testid="scenario-inject" {...recordIdProps(inj.id)}>
              <div className="record-row">
                <NumberField record={r} def={InjectRecord} field="offsetMinutes" label={t('scenarioEditor.offset')} value={inj.offsetMinutes} max={7 * 24 * 60} />
                <SelectField record={r} def={InjectRecord} field="channel" label={t('scenarioEditor.channel')} value={inj.channel} options={INJECT_CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))} />
                <label className="field">
                  <span>{t('scenarioEditor.step')}</span>
                  <select
                    aria-label={t('scenarioEditor.step')}
                    value={inj.linkedStepId}
                    onChange={(e) => {
                      const step = type?.steps.find((s) => s.id === e.target.value);
                      setField(r, 'linkedStepId', e.target.value, 'user');
                      setField(r, 'linkedStepTitle', step?.title ?? '', 'user');
                    }}
                  >
                    {stepOptions.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" className="danger" aria-label={`✕ ${inj.content.slice(0, 20)}`} onClick={() => removeRecord(rec.get('injects') as YCollection, inj.id, 'user')}>
                  ✕
                </button>
              </div>
              <TextField record={r} def={InjectRecord} field="content" label={t('scenarioEditor.content')} value={inj.content} multiline maxLength={5000} />
              <TextField record={r} def={InjectRecord} field="expectedResponse" label={t('scenarioEditor.expected')} value={inj.expectedResponse} multiline maxLength={5000} />
            </li>
          );
        })}
      </ol>
      <button type="button" data-testid="add-inject" onClick={addInject}>
        + {t('scenarioEditor.addInject')}
      </button>
    </main>
  );
}
