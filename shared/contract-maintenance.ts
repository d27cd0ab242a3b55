/** Contract calls of one feature (Issue 5: backups, restore and database health.) Spread into the one table in shared/contract.ts. */
import { z } from 'zod';
import { call, returns } from './contract-kit';

void z;
void call;
void returns;

export const maintenanceCalls = {} as const;
