/** The same keys as T, with any string values: lets the compiler check a translation is complete. */
export type TranslationShape<T> = { [K in keyof T]: T[K] extends string ? string : TranslationShape<T[K]> };
