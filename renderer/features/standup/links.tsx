/** Buttons that read as links: an idea (opens its detail) and a person (opens their page). */
import { useT } from '../../i18n/use-t';
import { useApp } from '../../store/store';

export function IdeaLink({ id, title, className }: { id: string; title: string; className?: string }) {
  const openDetail = useApp((s) => s.openDetail);
  const markDiscussed = useApp((s) => s.markDiscussed);
  const closePersonPage = useApp((s) => s.closePersonPage);
  return (
    <button
      type="button"
      className={`standup-link ${className ?? ''}`}
      onClick={() => {
        markDiscussed([id]);
        // One dialog at a time: the idea replaces a person page it was opened from.
        closePersonPage();
        openDetail(id);
      }}
    >
      {title}
    </button>
  );
}

export function PersonLink({ id, name }: { id: string; name: string }) {
  const t = useT();
  const openPersonPage = useApp((s) => s.openPersonPage);
  const closeDetail = useApp((s) => s.closeDetail);
  return (
    <button
      type="button"
      className="standup-link standup-link--person"
      onClick={() => {
        // One dialog at a time: the person page replaces an idea it was opened from.
        closeDetail();
        void openPersonPage(id);
      }}
      aria-label={t('standup.person.open', { name })}
    >
      {name}
    </button>
  );
}
