/**
 * The GraphQL types of a bulk proposal: the result and its per-row problems are the same in
 * education and civil affairs (shareable), so they live once in subgraphs/shared.
 */
export { ImportRowProblem, RegistrationImportResult } from '../../shared/registration-form.types';
