/** Contract calls of one feature (Issue 3: team setup file and ideas file export/import with merge.) Spread into the one table in shared/contract.ts. */
import { z } from 'zod';
import { call, returns } from './contract-kit';

void z;
void call;
void returns;

export const exchangeCalls = {} as const;
