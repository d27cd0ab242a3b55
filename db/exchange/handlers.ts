/** Core handlers for the calls in shared/contract-exchange.ts; each runs inside the transaction runCall opens. */
import type { exchangeCalls } from '../../shared/contract-exchange';
import type { HandlersFor } from '../core-types';

export const exchangeHandlers: HandlersFor<typeof exchangeCalls> = {};
