/**
 * The stand-up countdown: minutes from Settings, shown large; two minutes before the end and at the end it warns
 * (visibly and to screen readers), then counts the time over. It never stops the meeting.
 */
import { useEffect, useRef, useState } from 'react';
import { Timer } from 'lucide-react';
import { useT } from '../../i18n/use-t';
import { useApp } from '../../store/store';
import { clock } from './format';

const WARN_BEFORE_SECONDS = 120;

export function Countdown({ startedAt }: { startedAt: number }) {
  const t = useT();
  const minutes = useApp((s) => s.settings.standupMinutes);
  const announce = useApp((s) => s.announce);
  const [now, setNow] = useState(() => Date.now());
  const warned = useRef<{ soon: boolean; over: boolean }>({ soon: false, over: false });

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  useEffect(() => {
    warned.current = { soon: false, over: false };
  }, [startedAt, minutes]);

  const left = minutes * 60 - Math.floor((now - startedAt) / 1000);
  const over = left <= 0;
  const soon = !over && left <= WARN_BEFORE_SECONDS;

  useEffect(() => {
    if (over && !warned.current.over) {
      warned.current = { soon: true, over: true };
      announce(t('standup.timer.warnOver'));
    } else if (soon && !warned.current.soon) {
      warned.current.soon = true;
      announce(t('standup.timer.warnSoon'));
    }
  }, [over, soon, announce, t]);

  const state = over ? 'over' : soon ? 'soon' : 'ok';
  return (
    <div className={`standup-timer standup-timer--${state}`} role="timer" aria-label={t('standup.timer.label')}>
      <Timer size={20} aria-hidden="true" />
      <span className="standup-timer__time">{over ? `+${clock(-left)}` : clock(left)}</span>
      <span className="standup-timer__text">{over ? t('standup.timer.over', { time: clock(-left) }) : t('standup.timer.left', { time: clock(left) })}</span>
    </div>
  );
}
