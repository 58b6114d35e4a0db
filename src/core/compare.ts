/**
 * Ordinal string order for identifiers (rule ids). Unlike localeCompare it is
 * the same under every locale, and it does not load ICU's collator, which
 * costs a cold `rapport check` about 9 ms on first use.
 */
export const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
