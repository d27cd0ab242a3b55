/** A person's page: their ideas (logged or owned) and the thanks they got and gave. */
import { useId } from 'react';
import { describeError } from '../../i18n/i18n';
import { useT } from '../../i18n/use-t';
import { useApp, useAppStoreApi } from '../../store/store';
import { Dialog } from '../../ui/Dialog';
import { KindBadge } from '../board/kind';
import { ThanksList } from './ThanksList';

export function PersonPageDialog() {
  const t = useT();
  const id = useId();
  const store = useAppStoreApi();
  const page = useApp((s) => s.standup.personPage);
  const people = useApp((s) => s.people);
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
              {t('standup.person.ideas')} <span className="standup-count standup-count--small">{page.data.ideas.length}</span>
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
          </section>
          <section aria-labelledby={`${id}-got`}>
            <h3 id={`${id}-got`} className="standup-panel__title">
              {t('standup.person.got')} <span className="standup-count standup-count--small">{page.data.thanksGot.length}</span>
            </h3>
            {page.data.thanksGot.length === 0 ? <p className="standup-none">{t('standup.person.none')}</p> : <ThanksList thanks={page.data.thanksGot} compact />}
            <h3 id={`${id}-given`} className="standup-panel__title">
              {t('standup.person.given')} <span className="standup-count standup-count--small">{page.data.thanksGiven.length}</span>
            </h3>
            {page.data.thanksGiven.length === 0 ? (
              <p className="standup-none">{t('standup.person.none')}</p>
            ) : (
              <ThanksList thanks={page.data.thanksGiven} compact />
            )}
          </section>
        </div>
      )}
    </Dialog>
  );
}
