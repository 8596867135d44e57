import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { setEditing } from '../../sync/presence';
import { useTranslation } from 'react-i18next';
import type { Editor } from '@tiptap/react';
import type * as Y from 'yjs';
import { workspacePath } from '../../app/router';
import { TextField } from '../../ui/fields';
import { listComments } from '../../../shared/statements/comments';
import { bodyOf } from '../../../shared/statements/store';
import { isEditable } from '../../../shared/statements/workflow';
import { StatementRecord } from '../../../shared/statements/types';
import { StatementEditor } from './editor/StatementEditor';
import type { Highlight } from './editor/highlights';
import { buildTextMap } from './editor/textMap';
import { useBodyAnalysis, useDeepVersion, useGate, useStatementFields, useStatementRecord } from './hooks';
import type { AnyYType } from './hooks';
import { MetaFields } from './MetaFields';
import { StatusBar } from './StatusBar';
import { ChannelCounts } from './ChannelCounts';
import { WarningsList, conflictTitle } from './WarningsList';
import { ApprovalPanel } from './ApprovalPanel';
import { CommentsPanel } from './CommentsPanel';
import { FactsPanel } from './FactsPanel';
import { HistoryPanel } from './HistoryPanel';
import { AuditTrail } from './AuditTrail';
import { useLastEditorTracking, useSigner } from './signoff';
import { MoveToRoom, RoomBadge } from './rooms';
import { installStatementsTestHooks } from './testHooks';

const TABS = ['approvals', 'comments', 'facts', 'history', 'audit'] as const;
const NONE: never[] = [];
type Tab = (typeof TABS)[number];

/** One statement: editor, live checks, approval gate, comments, facts and history. */
export function StatementStudio({ doc, wsDoc, roomId, wsId, id }: { doc: Y.Doc; wsDoc?: Y.Doc; roomId?: string | null; wsId: string; id: string }) {
  // Colleagues see who has this statement open.
  // (Not for a statement in a restricted room: presence goes to the whole workspace.)
  useEffect(() => {
    if (roomId) return;
    setEditing(id);
    return () => setEditing(null);
  }, [id, roomId]);
  const { t } = useTranslation('statements');
  const rec = useStatementRecord(doc, id);
  if (!rec) {
    return (
      <main className="page statements-page">
        <a href={workspacePath(wsId, 'statements')}>← {t('title')}</a>
        <p className="error" role="alert">
          {t('errors.notFound')}
        </p>
      </main>
    );
  }
  return <Studio doc={doc} wsId={wsId} rec={rec} where={<>{roomId ? <RoomBadge roomId={roomId} /> : wsDoc && <MoveToRoom wsDoc={wsDoc} id={id} />}</>} />;
}

function Studio({ doc, wsId, rec, where }: { doc: Y.Doc; wsId: string; rec: Y.Map<unknown>; where?: React.ReactNode }) {
  const { t } = useTranslation('statements');
  const fields = useStatementFields(rec);
  const { analysis, stale } = useBodyAnalysis(doc, rec, fields);
  const signer = useSigner();
  // This laptop's person becomes the last editor when they change the body (separation of duties).
  useLastEditorTracking(rec, signer.key);
  const commentsVersion = useDeepVersion(rec.get('comments') as AnyYType | undefined);
  const [tab, setTab] = useState<Tab>('approvals');
  const [activeComment, setActiveComment] = useState<string | null>(null);
  const editorRef = useRef<Editor | null>(null);
  const onReady = useCallback((e: Editor) => {
    editorRef.current = e;
  }, []);
  useEffect(() => installStatementsTestHooks(rec, () => editorRef.current), [rec]);
  const body = bodyOf(rec);
  const editable = isEditable(rec);

  // Comments resolved against the analysed text (same version as the highlights).
  const comments = useMemo(() => {
    void commentsVersion;
    return analysis ? listComments(rec) : NONE;
  }, [rec, analysis, commentsVersion]);
  const gate = useGate(rec, analysis, stale, signer.gov, comments);

  const highlights = useMemo((): Highlight[] => {
    if (!analysis) return [];
    const out: Highlight[] = [];
    for (const f of analysis.lint) out.push({ from: f.from, to: f.to, className: `lint-risk lint-${f.category}`, title: f.reason || t(`risk.${f.category}`), attrs: { 'data-risk': f.category } });
    for (const p of analysis.placeholders) out.push({ from: p.from, to: p.to, className: 'placeholder-left', title: t('warnings.placeholder', { name: t(`placeholder.${p.key}`) }) });
    for (const c of analysis.conflicts) out.push({ from: c.from, to: c.to, className: 'fact-conflict', title: conflictTitle(t, c), attrs: { 'data-fact': c.label } });
    for (const c of comments) {
      if (c.resolved || c.from === null || c.to === null) continue;
      out.push({ from: c.from, to: c.to, className: `comment-anchor${c.id === activeComment ? ' active' : ''}`, title: `${c.by}: ${c.text}`, attrs: { 'data-comment-id': c.id } });
    }
    return out;
  }, [analysis, comments, activeComment, t]);

  /** The editor selection as plain-text offsets (for a new comment). */
  const selection = useCallback((): { from: number; to: number } | null => {
    const e = editorRef.current;
    if (!e) return null;
    const { from, to } = e.state.selection;
    if (from === to) return null;
    const map = buildTextMap(e.state.doc);
    return { from: map.offsetAt(from), to: map.offsetAt(to) };
  }, []);

  if (!body) {
    return (
      <main className="page statements-page">
        <p className="error" role="alert">
          {t('errors.noBody')}
        </p>
      </main>
    );
  }

  return (
    <main className="page statements-page studio" data-testid="statement-studio" lang={fields.language}>
      <a href={workspacePath(wsId, 'statements')} className="muted no-print">
        ← {t('title')}
      </a>
      <div className="studio-title">
        {gate.drill && (
          <span className="drill-badge" data-testid="studio-drill">
            {t('drill.badge')}
          </span>
        )}
        {editable ? <TextField record={rec} def={StatementRecord} field="title" label={t('fields.title')} value={fields.title} testId="statement-title" maxLength={200} /> : <h1>{fields.title}</h1>}
      </div>
      <div className="row" data-testid="statement-where">
        {where}
      </div>
      <MetaFields doc={doc} rec={rec} fields={fields} editable={editable} />
      <StatusBar doc={doc} wsId={wsId} rec={rec} fields={fields} gate={gate} />
      <div className="studio-grid">
        <section className="studio-main" aria-label={t('editor.label')}>
          <StatementEditor fragment={body} editable={editable} analysedText={analysis?.text ?? null} highlights={highlights} ariaLabel={t('editor.label')} onReady={onReady} />
          <ChannelCounts counts={analysis?.counts ?? NONE} stale={stale} />
          <WarningsList lint={analysis?.lint ?? NONE} conflicts={analysis?.conflicts ?? NONE} placeholders={analysis?.placeholders ?? NONE} />
        </section>
        <aside className="studio-side">
          <div role="tablist" className="tabs">
            {TABS.map((id) => (
              <button key={id} type="button" role="tab" aria-selected={tab === id} className={`tab${tab === id ? ' active' : ''}`} data-testid={`tab-${id}`} onClick={() => setTab(id)}>
                {t(`tabs.${id}`)}
                {id === 'comments' && comments.filter((c) => !c.resolved).length > 0 ? ` (${comments.filter((c) => !c.resolved).length})` : ''}
              </button>
            ))}
          </div>
          {tab === 'approvals' && <ApprovalPanel doc={doc} rec={rec} fields={fields} gate={gate} hash={stale ? null : (analysis?.hash ?? null)} />}
          {tab === 'comments' && <CommentsPanel rec={rec} comments={comments} selection={selection} active={activeComment} onActivate={setActiveComment} />}
          {tab === 'audit' && <AuditTrail doc={doc} wsId={wsId} statementId={fields.id} compact />}
          {tab === 'facts' && <FactsPanel doc={doc} rec={rec} />}
          {tab === 'history' && <HistoryPanel rec={rec} fields={fields} currentText={analysis?.text ?? ''} editable={editable} />}
        </aside>
      </div>
    </main>
  );
}
