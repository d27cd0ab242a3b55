/** The kind of an idea as icon + word + colour (never colour alone); shared by the board and capture. */
import { Heart, Wrench, type LucideProps } from 'lucide-react';
import type { Kind } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';

export function KindIcon({ kind, ...props }: { kind: Kind } & LucideProps) {
  const Icon = kind === 'verbeter' ? Wrench : Heart;
  return <Icon aria-hidden="true" focusable="false" strokeWidth={2.25} {...props} />;
}

/** A small pill: icon + the kind's word, coloured by kind (global .kind styles). */
export function KindBadge({ kind }: { kind: Kind }) {
  const t = useT();
  return (
    <span className={`kind kind--${kind}`}>
      <KindIcon kind={kind} size={13} />
      {t(`kind.${kind}`)}
    </span>
  );
}
