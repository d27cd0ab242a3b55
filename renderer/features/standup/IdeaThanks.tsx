/** Thanks on the idea detail: who was thanked for this idea, and "Bedank" to add one (inline, no second dialog). */
import { useCallback, useEffect, useId, useState } from 'react';
import { Heart } from 'lucide-react';
import type { ThanksEntry } from '../../../shared/contract-standup';
import type { CallError } from '../../../shared/result';
import { describeError } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';
import { useApp } from '../../store/store';
import { ThanksForm } from './ThanksForm';
import { ThanksList } from './ThanksList';
import './standup.css';

interface IdeaThanksProps {
  ideaId: string;
  /** Who is suggested: the owner, else the author. */
  suggestedToId: string | null;
  /** After thanks were sent (the idea's history gained a line). */
  onSent?: () => void;
}

export function IdeaThanks({ ideaId, suggestedToId, onSent }: IdeaThanksProps) {
  const t = useT();
  const id = useId();
  const api = useApp((s) => s.api);
  const [thanks, setThanks] = useState<ThanksEntry[]>([]);
  const [error, setError] = useState<CallError | null>(null);
  const [writing, setWriting] = useState(false);

  const load = useCallback(async () => {
    const res = await api['thanks:list']({ ideaId });
    if (res.ok) setThanks(res.value);
    setError(res.ok ? null : res.error);
  }, [api, ideaId]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="detail-section standup-idea-thanks" aria-labelledby={`${id}-title`}>
      <div className="standup-idea-thanks__head">
        <h3 id={`${id}-title`} className="detail-section__title">
          {t('standup.ideaThanks.title')}
        </h3>
        {!writing && (
          <button type="button" className="button button--small" onClick={() => setWriting(true)}>
            <Heart size={14} aria-hidden="true" /> {t('standup.ideaThanks.action')}
          </button>
        )}
      </div>
      {writing && (
        <ThanksForm
          ideaId={ideaId}
          suggestedToId={suggestedToId}
          focusOnOpen
          onDone={(sent) => {
            setWriting(false);
            if (sent) {
              void load();
              onSent?.();
            }
          }}
        />
      )}
      {error && (
        <p className="field__error" role="alert">
          {t('standup.ideaThanks.loadFailed', { reason: describeError(t, error) })}{' '}
          <button type="button" className="standup-link" onClick={() => void load()}>
            {t('standup.retry')}
          </button>
        </p>
      )}
      {thanks.length === 0 ? (
        !writing && !error && <p className="standup-none">{t('standup.ideaThanks.none')}</p>
      ) : (
        <ThanksList thanks={thanks} hideIdea compact />
      )}
    </section>
  );
}
