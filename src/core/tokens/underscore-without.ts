// natural's RegexpTokenizer requires all of underscore (161 modules, 120 KB of
// start-up) for one call, `_.without`, made only in gap mode, which rapport
// does not use. The build aliases underscore to this faithful `without`.
export function without<T>(array: readonly T[], ...values: T[]): T[] {
  return array.filter((item) => !values.includes(item));
}

export default { without };
