/** Core handlers for the calls in shared/contract-maintenance.ts; each runs inside the transaction runCall opens. */
import type { maintenanceCalls } from '../../shared/contract-maintenance';
import type { HandlersFor } from '../core-types';

export const maintenanceHandlers: HandlersFor<typeof maintenanceCalls> = {};
