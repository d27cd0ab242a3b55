/** "Eerdere stand-ups": every finished stand-up, newest first; each one opens to its full record. */
import { useCallback, useEffect, useId, useState } from 'react';
import { Printer } from 'lucide-react';
import type { StandupRecord } from '../../../shared/contract-standup';
import { useLocale, useT } from '../../i18n/use-t';
import { useApp, useAppStoreApi } from '../../store/store';
import { formatDay, formatMoment, minutesOf, nameLookup, printStandup } from './format';
import { RecordPrint } from './PrintSummary';
import { PersonLink } from './links';
import { Pending } from './Pending';

export function PastStandups() {
  const t = useT();
  const id = useId();
  const store = useAppStoreApi();
  const { dateLocale } = useLocale();
  const past = useApp((s) => s.standup.past);
  const load = useApp((s) => s.loadPastStandups);
  const [printing, setPrinting] = useState<StandupRecord | null>(null);

  const [failed, setFailed] = useState(false);
  const reload = useCallback(async () => setFailed(!(await load())), [load]);

  useEffect(() => {
    void reload();
  }, [reload]);

  // The record's summary is on the page first, then printed, then taken away again.
  useEffect(() => {
    if (!printing) return;
    void printStandup(store, t, dateLocale, printing.date).finally(() => setPrinting(null));
  }, [printing, store, t, dateLocale]);

  return (
    <section className="standup-past" aria-labelledby={id}>
      <h3 id={id} className="standup-section-title">
        {t('standup.past.title')}
      </h3>
      {past === null ? (
        <Pending failed={failed} onRetry={() => void reload()} />
      ) : past.length === 0 ? (
        <p className="standup-none">{t('standup.past.empty')}</p>
      ) : (
        <ol className="standup-past__list">
          {past.map((s, i) => (
            <PastItem key={s.id} standup={s} open={i === 0} onPrint={() => setPrinting(s)} />
          ))}
        </ol>
      )}
      {printing && <RecordPrint record={printing} />}
    </section>
  );
}

function PastItem({ standup, open, onPrint }: { standup: StandupRecord; open: boolean; onPrint: () => void }) {
  const t = useT();
  const { dateLocale } = useLocale();
  const people = useApp((s) => s.people);
  const openDetail = useApp((s) => s.openDetail);
  const nameOf = nameLookup(people, t);
  const titleOf = (ideaId: string) => standup.ideaTitles[ideaId] ?? null;

  return (
    <li className="standup-past__item">
      <details open={open}>
        <summary className="standup-past__summary">
          <span className="standup-past__date">{formatDay(standup.date, dateLocale)}</span>
          <span className="standup-past__facts">
            {t('standup.past.item', { date: formatMoment(standup.startedAt, dateLocale), minutes: minutesOf(standup.durationSeconds) })} ·{' '}
            {t('standup.past.present', { count: standup.attendeeIds.length })}
          </span>
        </summary>
        <dl className="standup-past__record">
          <div>
            <dt>{t('standup.past.lead')}</dt>
            <dd>{standup.leadId ? <PersonLink id={standup.leadId} name={nameOf(standup.leadId)} /> : '—'}</dd>
          </div>
          <div>
            <dt>{t('standup.past.attendees')}</dt>
            <dd>
              {standup.attendeeIds.length === 0 ? (
                t('standup.past.nobody')
              ) : (
                <ul className="standup-inline-list">
                  {standup.attendeeIds.map((pid) => (
                    <li key={pid}>
                      <PersonLink id={pid} name={nameOf(pid)} />
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('standup.past.notes')}</dt>
            <dd className="standup-past__notes">{standup.notes.trim() || t('standup.past.none')}</dd>
          </div>
          <div>
            <dt>{t('standup.past.actions')}</dt>
            <dd>
              {standup.actions.length === 0 ? (
                t('standup.past.none')
              ) : (
                <ol className="standup-past__actions">
                  {standup.actions.map((a) => (
                    <li key={a.id}>
                      {a.text}
                      {a.ownerId && <span className="standup-list__meta"> — {nameOf(a.ownerId)}</span>}
                    </li>
                  ))}
                </ol>
              )}
            </dd>
          </div>
          <div>
            <dt>{t('standup.past.ideas')}</dt>
            <dd>
              {standup.ideaIds.length === 0 ? (
                t('standup.past.none')
              ) : (
                <ul className="standup-inline-list">
                  {standup.ideaIds.map((ideaId) => {
                    const title = titleOf(ideaId);
                    return (
                      <li key={ideaId}>
                        {title ? (
                          <button type="button" className="standup-link" onClick={() => openDetail(ideaId)}>
                            {title}
                          </button>
                        ) : (
                          <span className="standup-list__meta">{t('standup.past.deletedIdea')}</span>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </dd>
          </div>
        </dl>
        <div className="standup-past__print">
          <button type="button" className="button button--small" onClick={onPrint}>
            <Printer size={14} aria-hidden="true" /> {t('standup.past.print', { date: formatDay(standup.date, dateLocale) })}
          </button>
        </div>
      </details>
    </li>
  );
}
