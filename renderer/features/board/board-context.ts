/** What cards need from the board around them, without re-rendering when a drag moves. */
import { createContext, useContext } from 'react';

export interface BoardActions {
  /** True while a card is lifted (mouse or keyboard); cards then leave the keys to dnd-kit. */
  isDragging: () => boolean;
}

export const BoardContext = createContext<BoardActions>({ isDragging: () => false });

export const useBoardActions = () => useContext(BoardContext);
