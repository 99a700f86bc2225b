import DataLoader from 'dataloader';

/**
 * Per-request DataLoaders: each batches every key asked for in one tick into one SQL statement,
 * so a query's cost does not grow with the number of children in it (DESIGN 6.6).
 */

/** One row (or null) per key. */
export function rowLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K) {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = await fetch(keys);
    const byKey = new Map(rows.map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** All rows per key (possibly none). */
export function groupLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K) {
  return new DataLoader<K, V[]>(async (keys) => {
    const rows = await fetch(keys);
    const groups = new Map<K, V[]>();
    for (const row of rows) {
      const key = keyOf(row);
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** A loader per distinct argument set (e.g. page size), created on first use within a request. */
export function loaderFamily<A, L>(create: (args: A) => L, keyOf: (args: A) => string = (args) => JSON.stringify(args)) {
  const loaders = new Map<string, L>();
  return (args: A): L => {
    const key = keyOf(args);
    let loader = loaders.get(key);
    if (!loader) {
      loader = create(args);
      loaders.set(key, loader);
    }
    return loader;
  };
}
