/** Helpers for the exchange tests: import a file the way the UI does (preview, then apply with its token). */
import type { KaizenApi } from '../../shared/contract';
import type { ExchangeSummary } from '../../shared/exchange-format';
import { unwrap } from './support';

export async function importText(api: KaizenApi, text: string): Promise<ExchangeSummary> {
  const preview = await unwrap(api['exchange:preview']({ text }));
  const applied = await unwrap(api['exchange:apply']({ text, token: preview.token }));
  if (JSON.stringify(applied.counts) !== JSON.stringify(preview.counts)) {
    throw new Error(`apply counted ${JSON.stringify(applied.counts)} after a preview of ${JSON.stringify(preview.counts)}`);
  }
  return applied;
}

/** Every idea with its comments and history, in id order. */
export async function allDetails(api: KaizenApi, ids: readonly string[]) {
  return Promise.all([...ids].sort().map((id) => unwrap(api['ideas:get']({ id }))));
}
