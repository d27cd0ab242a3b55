/** A person's page: their ideas (logged or owned), the thanks they got and gave, and a way to thank them. */
import { useId, useState } from 'react';
import { Heart } from 'lucide-react';
import type { ThanksEntry } from '../../../shared/contract-standup';
import { describeError } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';
import { useApp, useAppStoreApi } from '../../store/store';
import { Dialog } from '../../ui/Dialog';
import { KindBadge } from '../board/kind';
import { ThanksForm } from './ThanksForm';
import { ThanksList } from './ThanksList';

export function PersonPageDialog() {
  const t = useT();
  const id = useId();
  const store = useAppStoreApi();
  const page = useApp((s) => s.standup.personPage);
  const people = useApp((s) => s.people);
  const me = useApp((s) => s.settings.currentPersonId);
  const [writing, setWriting] = useState(false);
  if (!page) return null;
  const person = page.data?.person ?? people.find((p) => p.id === page.id);
  const close = () => store.getState().closePersonPage();
  const open = (ideaId: string) => {
    close();
    store.getState().openDetail(ideaId);
  };

  return (
    <Dialog title={person?.name ?? t('person.unknown')} onClose={close} className="dialog--wide standup-person">
      {page.error ? (
        <p role="alert">{describeError(t, page.error)}</p>
      ) : !page.data ? (
        <p aria-busy="true">{t('standup.loading')}</p>
      ) : (
        <div className="standup-person__grid">
          <section aria-labelledby={`${id}-ideas`}>
            <h3 id={`${id}-ideas`} className="standup-panel__title">
              {t('standup.person.ideas')} <span className="standup-count standup-count--small">{t('standup.person.total', { total: page.data.ideasTotal })}</span>
            </h3>
            {person?.archived && <p className="standup-digest__hint">{t('standup.person.archived')}</p>}
            {page.data.ideas.length === 0 ? (
              <p className="standup-none">{t('standup.person.ideas.none')}</p>
            ) : (
              <ul className="standup-list standup-person__ideas">
                {page.data.ideas.map((card) => (
                  <li key={card.id}>
                    <button type="button" className="standup-link" onClick={() => open(card.id)}>
                      {card.title}
                    </button>
                    <span className="standup-list__meta">
                      <KindBadge kind={card.kind} /> {t(`stage.${card.stage}`)} ·{' '}
                      {[
                        card.authorId === page.id ? t('standup.person.role.author') : null,
                        card.ownerId === page.id ? t('standup.person.role.owner') : null,
                      ]
                        .filter(Boolean)
                        .join(', ')}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {page.data.ideasTotal > page.data.ideas.length && (
              <p className="standup-digest__hint">
                {t('standup.person.older', { count: page.data.ideasTotal - page.data.ideas.length })}
              </p>
            )}
          </section>
          <div className="standup-person__thanks">
            {person && !person.archived && person.id !== me && (
              <div>
                {writing ? (
                  <ThanksForm ideaId={null} suggestedToId={person.id} onDone={() => setWriting(false)} focusOnOpen />
                ) : (
                  <button type="button" className="button button--primary" onClick={() => setWriting(true)}>
                    <Heart size={16} aria-hidden="true" /> {t('standup.person.thank', { name: person.name })}
                  </button>
                )}
              </div>
            )}
            <ThanksSection title={t('standup.person.got')} thanks={page.data.thanksGot} />
            <ThanksSection title={t('standup.person.given')} thanks={page.data.thanksGiven} />
          </div>
        </div>
      )}
    </Dialog>
  );
}

function ThanksSection({ title, thanks }: { title: string; thanks: readonly ThanksEntry[] }) {
  const t = useT();
  const id = useId();
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="standup-panel__title">
        {title} <span className="standup-count standup-count--small">{thanks.length}</span>
      </h3>
      {thanks.length === 0 ? <p className="standup-none">{t('standup.person.none')}</p> : <ThanksList thanks={thanks} compact />}
    </section>
  );
}
