import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { YRecord } from '../../../shared/doc/collection';
import { addFeedback, addLesson, FeedbackInput, LessonInput, readFeedback, readLessons, removeFeedback, removeLesson, updateLesson, type Lesson } from '../../../shared/drills/aarNotes';
import { useYSnapshot } from '../../hooks/useY';
import { useSession } from '../../session/sessionStore';
import { useToasts } from '../../ui/toasts';

function LessonRow({ rec, lesson }: { rec: YRecord; lesson: Lesson }) {
  const { t } = useTranslation('drills');
  const show = useToasts((s) => s.show);
  const [draft, setDraft] = useState<string | null>(null);
  const save = () => {
    if (!LessonInput.safeParse({ text: draft }).success) return;
    try {
      updateLesson(rec, lesson.id, { text: draft }, 'user');
      setDraft(null);
    } catch (err) {
      show({ text: (err as Error).message, ttl: 8000 });
    }
  };
  return (
    <li data-testid="lesson" data-lesson-id={lesson.id}>
      {draft === null ? (
        <>
          <span data-testid="lesson-text">{lesson.text}</span>{' '}
          <span className="row no-print">
            <button type="button" data-testid="lesson-edit" onClick={() => setDraft(lesson.text)}>
              {t('review.edit')}
            </button>
            <button type="button" data-testid="lesson-remove" onClick={() => removeLesson(rec, lesson.id, 'user')}>
              {t('review.remove')}
            </button>
          </span>
        </>
      ) : (
        <span className="row">
          <textarea data-testid="lesson-edit-text" aria-label={t('review.lessons')} value={draft} maxLength={5000} onChange={(e) => setDraft(e.target.value)} />
          <button type="button" className="primary" data-testid="lesson-save" onClick={save} disabled={!LessonInput.safeParse({ text: draft }).success}>
            {t('review.save')}
          </button>
          <button type="button" onClick={() => setDraft(null)}>
            {t('review.cancel')}
          </button>
        </span>
      )}
    </li>
  );
}

/** Lessons learned (free text) and participant feedback of a review, kept in the drill's record. */
export function AarNotes({ rec }: { rec: YRecord }) {
  const { t } = useTranslation('drills');
  const userName = useSession((s) => s.userName);
  const show = useToasts((s) => s.show);
  const lessons = useYSnapshot(rec, readLessons) ?? [];
  const feedback = useYSnapshot(rec, readFeedback) ?? [];
  const [lesson, setLesson] = useState('');
  const [fb, setFb] = useState({ name: '', role: '', wentWell: '', toImprove: '' });
  const submitLesson = () => {
    if (!LessonInput.safeParse({ text: lesson }).success) return;
    addLesson(rec, { text: lesson }, userName, Date.now(), 'user');
    setLesson('');
  };
  const submitFeedback = () => {
    if (!FeedbackInput.safeParse(fb).success) {
      show({ text: t('review.invalid'), ttl: 6000 });
      return;
    }
    addFeedback(rec, fb, Date.now(), 'user');
    setFb({ name: '', role: '', wentWell: '', toImprove: '' });
  };
  const field = (key: keyof typeof fb, multi: boolean) => {
    const props = { 'data-testid': `feedback-${key}`, value: fb[key], maxLength: key === 'name' || key === 'role' ? 200 : 5000, 'aria-label': t(`review.${key}`), placeholder: t(`review.${key}`) };
    return multi ? <textarea {...props} onChange={(e) => setFb({ ...fb, [key]: e.target.value })} /> : <input {...props} onChange={(e) => setFb({ ...fb, [key]: e.target.value })} />;
  };
  return (
    <>
      <section className="panel" data-testid="aar-lessons">
        <h2>{t('review.lessons')}</h2>
        {lessons.length === 0 ? (
          <p className="muted">{t('review.noLessons')}</p>
        ) : (
          <ul>
            {lessons.map((l) => (
              <LessonRow key={l.id} rec={rec} lesson={l} />
            ))}
          </ul>
        )}
        <div className="row no-print">
          <textarea data-testid="lesson-new" value={lesson} maxLength={5000} placeholder={t('review.lessonPlaceholder')} aria-label={t('review.lessonPlaceholder')} onChange={(e) => setLesson(e.target.value)} />
          <button type="button" data-testid="lesson-add" onClick={submitLesson} disabled={!LessonInput.safeParse({ text: lesson }).success}>
            {t('review.addLesson')}
          </button>
        </div>
      </section>
      <section className="panel" data-testid="aar-feedback">
        <h2>{t('review.feedback')}</h2>
        {feedback.length === 0 ? (
          <p className="muted">{t('review.noFeedback')}</p>
        ) : (
          <table className="aar-table">
            <thead>
              <tr>
                {(['name', 'role', 'wentWell', 'toImprove'] as const).map((c) => (
                  <th key={c}>{t(`review.${c}`)}</th>
                ))}
                <th className="no-print">{t('review.remove')}</th>
              </tr>
            </thead>
            <tbody>
              {feedback.map((f) => (
                <tr key={f.id} data-testid="feedback-row">
                  <td>{f.name}</td>
                  <td>{f.role}</td>
                  <td className="aar-content">{f.wentWell}</td>
                  <td className="aar-content">{f.toImprove}</td>
                  <td className="no-print">
                    <button type="button" data-testid="feedback-remove" onClick={() => removeFeedback(rec, f.id, 'user')}>
                      {t('review.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="row no-print">
          {field('name', false)}
          {field('role', false)}
          {field('wentWell', true)}
          {field('toImprove', true)}
          <button type="button" data-testid="feedback-add" onClick={submitFeedback}>
            {t('review.addFeedback')}
          </button>
        </div>
      </section>
    </>
  );
}
