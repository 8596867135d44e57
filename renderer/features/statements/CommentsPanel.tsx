import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../session/sessionStore';
import { useIdentity } from '../../identity/identity';
import type { YRecord } from '../../../shared/doc/collection';
import { addComment, setCommentResolved, type AnchoredComment } from '../../../shared/statements/comments';
import { runAction } from './actions';
import { formatDateTime } from './format';

/** Review comments on text ranges: add on the current selection, resolve, reopen. */
export const CommentsPanel = memo(function CommentsPanel({
  rec,
  comments,
  selection,
  active,
  onActivate,
}: {
  rec: YRecord;
  comments: AnchoredComment[];
  selection: () => { from: number; to: number } | null;
  active: string | null;
  onActivate: (id: string | null) => void;
}) {
  const { t } = useTranslation('statements');
  const userName = useSession((s) => s.userName);
  const profileName = useIdentity((s) => s.profile?.name ?? '');
  const byKey = useIdentity((s) => s.keys?.publicKey ?? '');
  const language = useSession((s) => s.language);
  const [text, setText] = useState('');
  const [hint, setHint] = useState('');
  const [showResolved, setShowResolved] = useState(false);
  const by = profileName || userName || t('someone');

  const add = () => {
    const sel = selection();
    if (!sel) {
      setHint(t('comments.selectFirst'));
      return;
    }
    if (runAction(t, () => addComment(rec, { ...sel, text, by, ...(byKey ? { byKey } : {}) }))) {
      setText('');
      setHint('');
    }
  };

  const shown = comments.filter((c) => showResolved || !c.resolved);
  return (
    <section className="comments-panel" data-testid="comments-panel">
      <label className="field">
        <span>{t('comments.new')}</span>
        <textarea rows={2} value={text} data-testid="comment-text" onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="row">
        {/* mousedown keeps the editor's selection while the button is pressed */}
        <button type="button" className="primary" data-testid="add-comment" disabled={!text.trim()} onMouseDown={(e) => e.preventDefault()} onClick={add}>
          {t('comments.add')}
        </button>
        <label className="small">
          <input type="checkbox" checked={showResolved} onChange={(e) => setShowResolved(e.target.checked)} /> {t('comments.showResolved')}
        </label>
      </div>
      {hint && <p className="warn small">{hint}</p>}
      {shown.length === 0 && <p className="muted small">{t('comments.none')}</p>}
      <ul className="comment-list">
        {shown.map((c) => (
          <li key={c.id} className={`comment${c.resolved ? ' resolved' : ''}${c.id === active ? ' active' : ''}`} data-testid="comment" data-comment-id={c.id} onMouseEnter={() => onActivate(c.id)} onMouseLeave={() => onActivate(null)}>
            <blockquote className="comment-quote" data-testid="comment-quote">
              {c.quote}
            </blockquote>
            <p className="comment-text">{c.text}</p>
            <p className="muted small">
              {c.by} · {formatDateTime(c.at, language)}
              {c.from === null ? ` · ${t('comments.textGone')}` : c.approximate ? ` · ${t('comments.approximate')}` : ''}
              {c.resolved ? ` · ${t('comments.resolvedBy', { by: c.resolvedBy })}` : ''}
            </p>
            <button type="button" className="link" onClick={() => runAction(t, () => setCommentResolved(rec, c.id, !c.resolved, by))}>
              {c.resolved ? t('comments.reopen') : t('comments.resolve')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
});
