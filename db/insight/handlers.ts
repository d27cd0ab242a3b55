/** Core handlers for the calls in shared/contract-insight.ts; each runs inside the transaction runCall opens. */
import type { insightCalls } from '../../shared/contract-insight';
import type { HandlersFor } from '../core-types';

export const insightHandlers: HandlersFor<typeof insightCalls> = {};
