/** Comments on an idea: who said what and when, and a field to add one as the current person. */
import { useId, useState } from 'react';
import { COMMENT_MAX, type Comment } from '../../../shared/domain';
import { describeError } from '../../i18n/i18n';
import { useLocale, useT } from '../../i18n/use-t';
import { useApp, useAppStoreApi } from '../../store/store';
import { initials } from '../people/initials';
import { formatDateTime } from './format';

interface CommentsProps {
  ideaId: string;
  comments: Comment[];
  /** Called after a comment was added, to reload the idea. */
  onAdded: () => void;
}

export function Comments({ ideaId, comments, onAdded }: CommentsProps) {
  const t = useT();
  const { dateLocale } = useLocale();
  const id = useId();
  const store = useAppStoreApi();
  const people = useApp((s) => s.people);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameOf = (personId: string) => people.find((p) => p.id === personId)?.name ?? t('person.unknown');

  const submit = async () => {
    if (busy) return;
    const text = body.trim();
    if (text === '') {
      setError(t('detail.comments.required'));
      return;
    }
    if (text.length > COMMENT_MAX) {
      setError(t('detail.comments.tooLong', { max: COMMENT_MAX, count: text.length }));
      return;
    }
    const s = store.getState();
    const authorId = s.settings.currentPersonId;
    if (!authorId) {
      s.openPersonPicker();
      return;
    }
    setBusy(true);
    const res = await s.api['comments:add']({ ideaId, authorId, body: text });
    setBusy(false);
    if (!res.ok) {
      // Keep the text so nothing is lost; say why in the person's language.
      setError(describeError(t, res.error));
      return;
    }
    setBody('');
    setError(null);
    s.announce(t('detail.comments.posted'));
    onAdded();
  };

  return (
    <section className="detail-section detail-comments" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="detail-section__title">
        {t('detail.comments.title')}
        {comments.length > 0 && (
          <span className="detail-section__count">{t('detail.comments.count', { count: comments.length })}</span>
        )}
      </h3>
      {comments.length === 0 ? (
        <p className="detail-empty">{t('detail.comments.empty')}</p>
      ) : (
        <ol className="detail-comments__list">
          {comments.map((comment) => {
            const author = nameOf(comment.authorId);
            return (
              <li key={comment.id} className="detail-comment">
                <span className="people-avatar people-avatar--small" aria-hidden="true">
                  {initials(author)}
                </span>
                <div className="detail-comment__content">
                  <p className="detail-comment__meta">
                    <strong className="detail-comment__author">{author}</strong>
                    <time dateTime={comment.createdAt} className="detail-comment__time">
                      {formatDateTime(comment.createdAt, dateLocale)}
                    </time>
                  </p>
                  <p className="detail-comment__body">{comment.body}</p>
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <form
        className="detail-comments__form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label className="field__label" htmlFor={`${id}-body`}>
            {t('detail.comments.label')}
          </label>
          <textarea
            id={`${id}-body`}
            value={body}
            rows={2}
            maxLength={COMMENT_MAX + 200}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
            onChange={(e) => {
              setBody(e.target.value);
              if (error) setError(null);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void submit();
              }
            }}
          />
          <span id={`${id}-hint`} className="field__hint">
            {t('detail.comments.hint')}
          </span>
          {error && (
            <p id={`${id}-error`} className="field__error" role="alert">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {t('detail.comments.submit')}
        </button>
      </form>
    </section>
  );
}
