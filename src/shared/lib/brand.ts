declare const brand: unique symbol

/** A nominal type: a `Brand<string, 'LawId'>` is a string the compiler will not accept where an `IncidentId` belongs. */
export type Brand<T, Name extends string> = T & { readonly [brand]: Name }
