/** Contract calls of one feature (Issue 4: Inzicht metrics and CSV export.) Spread into the one table in shared/contract.ts. */
import { z } from 'zod';
import { call, returns } from './contract-kit';

void z;
void call;
void returns;

export const insightCalls = {} as const;
