/** Message catalogues: Dutch first, English with exactly the same keys (checked by the type system). */
export type Catalogue = Record<string, string>;

export interface Messages<T extends Catalogue> {
  nl: T;
  en: { [K in keyof T]: string };
}

export function defineMessages<const T extends Catalogue>(nl: T, en: { [K in keyof T]: string }): Messages<T> {
  return { nl, en };
}
