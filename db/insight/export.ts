/** The ideas in view for the CSV export: every field, in board order. */
import type { BoardFilter, Idea } from '../../shared/domain';
import type { Db } from '../core-types';
import { listBoard } from '../queries/board';
import { getIdea } from '../queries/ideas';

/** Every field of the live ideas matching the board filter, in the board's order. */
export function exportIdeas(db: Db, filter: BoardFilter): Idea[] {
  return listBoard(db, filter).map((card) => {
    const { deletedAt: _deleted, ...idea } = getIdea(db, card.id)!;
    return idea;
  });
}
