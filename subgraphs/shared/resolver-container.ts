import type { ContainerType } from 'type-graphql';

/**
 * type-graphql asks this for resolver instances: the ones given are used as they are (they carry
 * dependencies such as keys), any other resolver class is created once without arguments.
 */
export function resolverContainer(instances: object[] = []): ContainerType {
  const byClass = new Map<unknown, unknown>(instances.map((instance) => [instance.constructor, instance]));
  return {
    get(type) {
      let instance = byClass.get(type);
      if (!instance) {
        instance = new (type as new () => unknown)();
        byClass.set(type, instance);
      }
      return instance;
    },
  };
}
