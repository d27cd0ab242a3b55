/**
 * The WIP limit of a board column in its heading: "3 / 5" within the limit, "7 / 5 — boven limiet" with a warning
 * icon and a stronger frame when over it (never colour alone), announced when a column goes over. Hidden while the
 * board is filtered: the column then shows only part of its cards, so the count would not be the column's.
 */
import { AlertTriangle } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { Stage } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { useApp } from '../../store/store';
import '../insight/wip.css';

export function WipBadge({ stage, count, filtered }: { stage: Stage; count: number; filtered: boolean }) {
  const t = useT();
  const limit = useApp((s) => s.settings.wipLimits[stage]);
  const announce = useApp((s) => s.announce);
  const shown = limit !== null && !filtered;
  const over = shown && count > limit;
  const wasOver = useRef(over);

  useEffect(() => {
    if (over && !wasOver.current && limit !== null) announce(t('wip.badge.announce', { stage: t(`stage.${stage}`), count, limit }));
    wasOver.current = over;
  }, [over, announce, t, stage, count, limit]);

  if (!shown) return null;
  const vars = { count, limit };
  return (
    <span className={`wip-badge${over ? ' wip-badge--over' : ''}`} data-wip={over ? 'over' : 'ok'}>
      {over && <AlertTriangle size={13} strokeWidth={2.5} aria-hidden="true" focusable="false" />}
      <span aria-hidden="true">{over ? t('wip.badge.over', vars) : t('wip.badge', vars)}</span>
      <span className="visually-hidden">{over ? t('wip.badge.overLabel', vars) : t('wip.badge.label', vars)}</span>
    </span>
  );
}
