/** De Dankmuur: recent thanks, newest first, and a way to thank someone right here. */
import { useCallback, useEffect, useId, useState } from 'react';
import { Heart } from 'lucide-react';
import { useT } from '../../i18n/use-t';
import { useApp } from '../../store/store';
import { ThanksForm } from './ThanksForm';
import { ThanksList } from './ThanksList';
import { Pending } from './Pending';

export function ThanksWall() {
  const t = useT();
  const id = useId();
  const wall = useApp((s) => s.standup.wall);
  const load = useApp((s) => s.loadThanksWall);
  const [writing, setWriting] = useState(false);

  const [failed, setFailed] = useState(false);
  const reload = useCallback(async () => setFailed(!(await load())), [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return (
    <section className="standup-wall" aria-labelledby={id}>
      <div className="standup-wall__head">
        <div>
          <h3 id={id} className="standup-section-title">
            {t('standup.wall.title')}
          </h3>
          <p className="standup-digest__hint">{t('standup.wall.intro')}</p>
        </div>
        {!writing && (
          <button type="button" className="button button--primary" onClick={() => setWriting(true)}>
            <Heart size={16} aria-hidden="true" /> {t('standup.thanks.new')}
          </button>
        )}
      </div>
      {writing && (
        <div className="standup-panel">
          <ThanksForm ideaId={null} onDone={() => setWriting(false)} focusOnOpen />
        </div>
      )}
      {wall === null ? (
        <Pending failed={failed} onRetry={() => void reload()} />
      ) : wall.length === 0 ? (
        <p className="standup-none">{t('standup.wall.empty')}</p>
      ) : (
        <ThanksList thanks={wall} />
      )}
    </section>
  );
}
