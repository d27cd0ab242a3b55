/**
 * Find ideas: search (debounced, FTS5 in the core), touchpoint, person and belevingswaarde, and the kind as
 * three toggle buttons ("Alleen verleuk" is one click). Counts on the board follow the filter.
 */
import { Layers, Search, X } from 'lucide-react';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { KINDS, PYRAMID_LEVELS, QUERY_MAX, type Kind } from '../../../shared/domain';
import { useT } from '../../i18n/use-t';
import { useApp } from '../../store/store';
import { byPosition } from '../settings/reorder';
import { PersonOptions, TouchpointOptions } from './filter-options';
import { KindIcon } from './kind';

const SEARCH_DELAY_MS = 150;

export function FilterBar() {
  const t = useT();
  const filter = useApp((s) => s.filter);
  const setFilter = useApp((s) => s.setFilter);
  const clearFilter = useApp((s) => s.clearFilter);
  const values = useApp((s) => s.values);
  // Paged columns: the cards that were not sent count too; a search counts Afgerond only so far.
  const matches = useApp((s) =>
    Object.values(s.columns).reduce((n, ids) => n + ids.length, 0) +
    Object.values(s.hidden).reduce((n, h) => n + h.verbeter + h.verleuk, 0),
  );
  const capped = useApp((s) => s.doneCapped.verbeter || s.doneCapped.verleuk);
  const [query, setQuery] = useState(filter.query ?? '');
  const typed = useRef(false);
  const ids = { touchpoint: useId(), person: useId(), value: useId(), kind: useId() };

  // Debounced search: the board reloads ~150 ms after the last key.
  useEffect(() => {
    if (!typed.current) return undefined;
    const timer = setTimeout(() => {
      typed.current = false;
      const next = query.trim();
      if (next !== (filter.query ?? '')) setFilter({ query: next || undefined });
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [query, filter.query, setFilter]);

  // Filters cleared elsewhere empty the box too.
  useEffect(() => {
    if (filter.query === undefined && !typed.current) setQuery('');
  }, [filter.query]);

  const active = Object.keys(filter).length > 0 || query.trim() !== '';

  const valueGroups = useMemo(
    () =>
      PYRAMID_LEVELS.map((level) => ({
        level,
        items: byPosition(values.filter((v) => v.level === level)),
      })).filter((g) => g.items.length > 0),
    [values],
  );

  const named = (name: string, archived: boolean) => (archived ? t('board.filter.archived', { name }) : name);

  const setKind = (kind: Kind | undefined) => setFilter({ kind });

  return (
    <div className="board-filters" role="search" aria-label={t('board.filter.label')}>
      <div className="board-filters__search">
        <label htmlFor="board-search" className="board-filters__label">
          {t('board.filter.search')}
        </label>
        <div className="board-filters__search-box">
          <Search aria-hidden="true" focusable="false" size={15} className="board-filters__search-icon" />
          <input
            id="board-search"
            type="search"
            value={query}
            maxLength={QUERY_MAX}
            placeholder={t('board.filter.search.placeholder')}
            aria-keyshortcuts="/"
            autoComplete="off"
            onChange={(e) => {
              typed.current = true;
              setQuery(e.target.value);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && query !== '') {
                e.preventDefault();
                typed.current = true;
                setQuery('');
              }
            }}
          />
        </div>
      </div>

      <div className="board-filters__field">
        <label htmlFor={ids.touchpoint} className="board-filters__label">
          {t('board.filter.touchpoint')}
        </label>
        <select
          id={ids.touchpoint}
          value={filter.touchpointId ?? ''}
          onChange={(e) => setFilter({ touchpointId: e.target.value || undefined })}
        >
          <TouchpointOptions />
        </select>
      </div>

      <div className="board-filters__field">
        <label htmlFor={ids.person} className="board-filters__label">
          {t('board.filter.person')}
        </label>
        <select
          id={ids.person}
          value={filter.personId ?? ''}
          onChange={(e) => setFilter({ personId: e.target.value || undefined })}
        >
          <PersonOptions />
        </select>
      </div>

      <div className="board-filters__field">
        <label htmlFor={ids.value} className="board-filters__label">
          {t('board.filter.value')}
        </label>
        <select id={ids.value} value={filter.valueId ?? ''} onChange={(e) => setFilter({ valueId: e.target.value || undefined })}>
          <option value="">{t('board.filter.value.all')}</option>
          {valueGroups.map((g) => (
            <optgroup key={g.level} label={t(`level.${g.level}`)}>
              {g.items.map((v) => (
                <option key={v.id} value={v.id}>
                  {named(v.name, v.archived)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>

      {/* Always a line of its own, so the count and "Filters wissen" appearing never move the board. */}
      <div className="board-filters__tail">
        <div className="board-filters__field">
          <span id={ids.kind} className="board-filters__label">
            {t('board.filter.kind')}
          </span>
          <div role="group" aria-labelledby={ids.kind} className="board-toggle">
            <button
              type="button"
              className="board-toggle__button"
              aria-pressed={filter.kind === undefined}
              onClick={() => setKind(undefined)}
            >
              <Layers aria-hidden="true" focusable="false" size={14} />
              {t('board.filter.kind.all')}
            </button>
            {KINDS.map((kind) => (
              <button
                key={kind}
                type="button"
                className={`board-toggle__button board-toggle__button--${kind}`}
                aria-pressed={filter.kind === kind}
                onClick={() => setKind(kind)}
              >
                <KindIcon kind={kind} size={14} strokeWidth={2} />
                {t(`board.filter.kind.${kind}`)}
              </button>
            ))}
          </div>
        </div>

        <div className="board-filters__end">
          <p className="board-filters__matches" role="status">
            {Object.keys(filter).length > 0 ? t(capped ? 'board.filter.matchesCapped' : 'board.filter.matches', { count: matches }) : ''}
          </p>
          {active && (
            <button
              type="button"
              className="button button--small board-filters__clear"
              onClick={() => {
                typed.current = false;
                setQuery('');
                clearFilter();
                document.getElementById('board-search')?.focus();
              }}
            >
              <X aria-hidden="true" focusable="false" size={14} />
              {t('board.filter.clear')}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
