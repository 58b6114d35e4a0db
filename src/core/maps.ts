// The one get-or-create the pipeline's memos, indexes and per-transcript state share.

interface Store<K, V> {
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/** The value under `key`, made by `create` and stored the first time it is asked for. */
export function getOrAdd<K, V>(store: Store<K, V>, key: K, create: () => V): V {
  let value = store.get(key);
  if (value === undefined) store.set(key, (value = create()));
  return value;
}
