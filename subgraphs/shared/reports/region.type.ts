import { regionLevel } from '../../../standards/regions';

/*
 * Education and the women's federation each declare their own `Region` class (its key, `code`, and
 * their figures): type-graphql attaches a field resolver to its class wherever the class is used, so
 * one class shared by two subgraphs would carry both agencies' figures. Civil affairs owns the rest
 * (name, level, children) and `Query.region`.
 */

/** The entity's description, the same in every subgraph. */
export const REGION_DESCRIPTION = 'A region (行政区划): a province, city or county by its GB/T 2260 code, or a township by its 9-digit code.';
export const REGION_CODE_DESCRIPTION = 'The GB/T 2260 code (6 digits), or the township’s 9 digits.';

/** Resolves a Region reference: null when the code names no region of the dataset. */
export const regionKeyReference = {
  Region: {
    __resolveReference(reference: { code: string }): { code: string } | null {
      return regionLevel(reference.code) ? { code: reference.code } : null;
    },
  },
};
