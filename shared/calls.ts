/**
 * The names of the calls in shared/contract.ts, without their schemas, so the renderer and the preload can build
 * the typed api without bundling zod. contract.ts checks at compile time that this list and its table have exactly
 * the same names (and a core test checks it at run time).
 */
import type { KaizenApi } from './contract';
import type { Result } from './result';

export const CALL_NAMES = [
  'app:bootstrap',
  'settings:update',
  'people:create',
  'people:update',
  'journeys:create',
  'journeys:update',
  'journeys:reorder',
  'touchpoints:create',
  'touchpoints:update',
  'touchpoints:reorder',
  'values:create',
  'values:update',
  'values:reorder',
  'board:get',
  'ideas:create',
  'ideas:get',
  'ideas:update',
  'ideas:move',
  'ideas:cycle',
  'ideas:delete',
  'ideas:restore',
  'comments:add',
  // Issue 3, stand-up and thanks (shared/contract-standup.ts)
  'standup:digest',
  'standup:finish',
  'standup:list',
  'standup:get',
  'thanks:add',
  'thanks:list',
  'people:page',
  // Issue 3, team and ideas files (shared/contract-exchange.ts)
  'setup:export',
  'ideas:export',
  'exchange:preview',
  'exchange:apply',
  // Issue 4, Inzicht (shared/contract-insight.ts)
  'insight:get',
  'insight:ideas',
  // Issue 5, backups and recovery (shared/contract-maintenance.ts)
  'backups:list',
  'backups:create',
  'backups:restore',
  'recovery:status',
  'recovery:retry',
  'recovery:restore',
  'recovery:reset',
] as const;

export type CallName = (typeof CALL_NAMES)[number];

const NAME_SET: ReadonlySet<string> = new Set(CALL_NAMES);

export function isCallName(value: unknown): value is CallName {
  return typeof value === 'string' && NAME_SET.has(value);
}

/** How a host (Electron preload, the harness client, tests) delivers a call to the core. */
export type Transport = (name: CallName, input: unknown) => Promise<Result<unknown>>;

/** Build a typed API over any transport: one function per call name. */
export function createApi(transport: Transport): KaizenApi {
  const api = {} as Record<CallName, (input: unknown) => Promise<Result<unknown>>>;
  for (const callName of CALL_NAMES) api[callName] = (input) => transport(callName, input);
  return api as unknown as KaizenApi;
}
