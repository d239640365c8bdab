/** The same tree of keys as T, with any text: what a translation must provide. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

/**
 * One feature's texts in all three languages. English defines the keys; Dutch and
 * Danish must have exactly the same ones, or this does not compile.
 */
export function defineMessages<const T extends object>(messages: { en: T; nl: Translation<T>; da: Translation<T> }) {
  return messages;
}
