/** Core handlers for the calls in shared/contract-standup.ts; each runs inside the transaction runCall opens. */
import type { standupCalls } from '../../shared/contract-standup';
import type { HandlersFor } from '../core-types';

export const standupHandlers: HandlersFor<typeof standupCalls> = {};
