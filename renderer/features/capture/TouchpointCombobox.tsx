/**
 * Type-ahead for a touchpoint: an input with role combobox and a listbox of the usable touchpoints,
 * grouped by customer journey. Typing filters (accents and case ignored), arrows move, Enter picks,
 * Esc closes the list (not the dialog).
 */
import { Check, ChevronDown } from 'lucide-react';
import { forwardRef, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { Journey, Touchpoint } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { touchpointGroups, type TouchpointGroup } from '../settings/reorder';

/** Journeys and their touchpoints that can take new ideas (neither archived), in board order. */
export const usableTouchpointGroups = (journeys: Journey[], touchpoints: Touchpoint[]): TouchpointGroup[] =>
  touchpointGroups(journeys, touchpoints, (tp, journey) => !tp.archived && !journey.archived);

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLocaleLowerCase();

interface Props {
  id: string;
  groups: TouchpointGroup[];
  value: string | null;
  onChange: (id: string) => void;
  describedBy?: string;
  invalid?: boolean;
}

export const TouchpointCombobox = forwardRef<HTMLInputElement, Props>(function TouchpointCombobox(
  { id, groups, value, onChange, describedBy, invalid },
  ref,
) {
  const t = useT();
  const listId = useId();
  const optionPrefix = useId();
  const listRef = useRef<HTMLDivElement>(null);
  const selected = useMemo(
    () => groups.flatMap((g) => g.touchpoints).find((tp) => tp.id === value) ?? null,
    [groups, value],
  );
  const [text, setText] = useState(selected?.name ?? '');
  const [typed, setTyped] = useState(false);
  const [open, setOpen] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(null);

  // Follow the chosen value (e.g. a default that arrives later) while the user is not typing.
  useEffect(() => {
    if (!typed) setText(selected?.name ?? '');
  }, [selected, typed]);

  const visible = useMemo(() => {
    const query = typed ? fold(text.trim()) : '';
    if (!query) return groups;
    return groups
      .map((g) => {
        const journeyHit = fold(g.journey.name).includes(query);
        return {
          journey: g.journey,
          touchpoints: journeyHit ? g.touchpoints : g.touchpoints.filter((tp) => fold(tp.name).includes(query)),
        };
      })
      .filter((g) => g.touchpoints.length > 0);
  }, [groups, text, typed]);

  const flat = useMemo(() => visible.flatMap((g) => g.touchpoints), [visible]);
  const optionId = (tpId: string) => `${optionPrefix}-${tpId}`;

  useEffect(() => {
    if (!open || !activeId) return;
    const el = document.getElementById(optionId(activeId));
    el?.scrollIntoView?.({ block: 'nearest' });
    // optionId only depends on a stable prefix.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, activeId]);

  const pick = (tp: Touchpoint) => {
    onChange(tp.id);
    setText(tp.name);
    setTyped(false);
    setOpen(false);
    setActiveId(null);
  };

  const revert = () => {
    setText(selected?.name ?? '');
    setTyped(false);
    setOpen(false);
    setActiveId(null);
  };

  const openList = (prefer: string | null) => {
    setOpen(true);
    const list = typed ? flat : groups.flatMap((g) => g.touchpoints);
    setActiveId(prefer && list.some((tp) => tp.id === prefer) ? prefer : (list[0]?.id ?? null));
  };

  const step = (delta: number) => {
    if (flat.length === 0) return;
    const index = flat.findIndex((tp) => tp.id === activeId);
    const next = index < 0 ? (delta > 0 ? 0 : flat.length - 1) : (index + delta + flat.length) % flat.length;
    setActiveId(flat[next].id);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) openList(value);
        else step(1);
        return;
      case 'ArrowUp':
        e.preventDefault();
        if (!open) openList(value);
        else step(-1);
        return;
      case 'Home':
      case 'End':
        if (!open || flat.length === 0) return;
        e.preventDefault();
        setActiveId(e.key === 'Home' ? flat[0].id : flat[flat.length - 1].id);
        return;
      case 'Enter': {
        if (!open) {
          // A name typed in full without opening the list still counts.
          if (typed) {
            e.preventDefault();
            const exact = flat.find((tp) => fold(tp.name) === fold(text.trim())) ?? flat[0];
            if (exact) pick(exact);
          }
          return;
        }
        e.preventDefault();
        const active = flat.find((tp) => tp.id === activeId);
        if (active) pick(active);
        return;
      }
      case 'Escape':
        if (open || typed) {
          e.preventDefault();
          e.stopPropagation();
          revert();
        }
        return;
      case 'Tab':
        if (open && typed) {
          const active = flat.find((tp) => tp.id === activeId);
          if (active) pick(active);
          else revert();
        } else if (open) {
          setOpen(false);
        }
        return;
      default:
    }
  };

  return (
    <div className="capture-combobox">
      <div className="capture-combobox__control">
        <input
          ref={ref}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && activeId ? optionId(activeId) : undefined}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setTyped(true);
            setOpen(true);
            const query = fold(e.target.value.trim());
            const first = groups
              .flatMap((g) =>
                !query || fold(g.journey.name).includes(query)
                  ? g.touchpoints
                  : g.touchpoints.filter((tp) => fold(tp.name).includes(query)),
              )
              .at(0);
            setActiveId(first?.id ?? null);
          }}
          onFocus={(e) => e.currentTarget.select()}
          onClick={() => {
            if (!open) openList(value);
          }}
          onBlur={(e) => {
            if (listRef.current?.contains(e.relatedTarget as Node | null)) return;
            if (typed) {
              const active = flat.find((tp) => tp.id === activeId);
              if (active && open) pick(active);
              else revert();
            } else {
              setOpen(false);
            }
          }}
          onKeyDown={onKeyDown}
        />
        <ChevronDown aria-hidden="true" focusable="false" size={16} className="capture-combobox__chevron" />
      </div>
      <div
        ref={listRef}
        id={listId}
        role="listbox"
        aria-labelledby={`${id}-label`}
        className="capture-combobox__list"
        hidden={!open}
      >
        {open && flat.length === 0 && (
          <p className="capture-combobox__none">{t('capture.noMatches', { query: text.trim() })}</p>
        )}
        {open &&
          visible.map((g) => (
            <div key={g.journey.id} role="group" aria-labelledby={`${listId}-${g.journey.id}`}>
              <div id={`${listId}-${g.journey.id}`} className="capture-combobox__group" role="presentation">
                {g.journey.name}
              </div>
              {g.touchpoints.map((tp) => (
                // Options are chosen from the combobox input (aria-activedescendant); the keys live there.
                // eslint-disable-next-line jsx-a11y/click-events-have-key-events
                <div
                  key={tp.id}
                  id={optionId(tp.id)}
                  role="option"
                  tabIndex={-1}
                  aria-selected={tp.id === activeId}
                  className={`capture-combobox__option${tp.id === activeId ? ' capture-combobox__option--active' : ''}`}
                  onMouseDown={(e) => e.preventDefault()}
                  onMouseMove={() => setActiveId(tp.id)}
                  onClick={() => pick(tp)}
                >
                  <span>{tp.name}</span>
                  {tp.id === value && <Check aria-hidden="true" focusable="false" size={14} />}
                </div>
              ))}
            </div>
          ))}
      </div>
    </div>
  );
});
