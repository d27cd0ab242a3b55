/** Every schema migration in order. Never edit one that has shipped; add a new module instead. */
import initial from './0010-initial';
import standup from './0020-standup';
import insight from './0040-insight';
import fastBoard from './0050-fast-board';
import standupSpeed from './0060-standup-speed';
import fastSearch from './0070-fast-search';
import insightSpeed from './0080-insight-speed';
import searchFacets from './0090-search-facets';
import searchPrefixes from './0100-search-prefixes';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [initial, standup, insight, fastBoard, standupSpeed, fastSearch, insightSpeed, searchFacets, searchPrefixes];

/** Throws when the list is not strictly increasing in steps that are multiples of 10. */
export function assertMigrationList(list: readonly Migration[]): void {
  let previous = 0;
  for (const m of list) {
    if (!Number.isInteger(m.version) || m.version <= previous || m.version % 10 !== 0) {
      throw new Error(`Migration list is not monotonic at version ${m.version} (${m.name}) after ${previous}`);
    }
    previous = m.version;
  }
}

/** The schema version this build of Kaizenbord writes. */
export const LATEST_VERSION = MIGRATIONS.length ? MIGRATIONS[MIGRATIONS.length - 1]!.version : 0;
