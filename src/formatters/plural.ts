// Counts in messages: "1 error", "2 errors", never "1 errors".

/** `count` and the noun in the number it takes; irregular plurals are passed in. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
