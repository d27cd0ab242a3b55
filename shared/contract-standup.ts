/** Contract calls of one feature (Issue 3: stand-up mode, thanks (bedankjes), person pages.) Spread into the one table in shared/contract.ts. */
import { z } from 'zod';
import { call, returns } from './contract-kit';

void z;
void call;
void returns;

export const standupCalls = {} as const;
