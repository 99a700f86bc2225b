/**
 * The GraphQL types of a bulk registration: the result and its per-row problems are the same in
 * civil affairs and education (shareable), so they live once in subgraphs/shared.
 */
export { ImportRowProblem, RegistrationImportResult } from '../../shared/registration-form.types';
