import type { ApolloGateway } from '@apollo/gateway';
import { isScalarType } from 'graphql';
import { LocalDateScalar } from '../platform/local-date';

/**
 * The supergraph knows the subgraphs' custom scalars by name only, so the gateway would take any
 * value for them and a subgraph would fail on it. The gateway's schema gets the real parsing of
 * each (today `LocalDate`): an impossible date is refused at the door, as a validation error for a
 * literal and BAD_USER_INPUT for a variable, before anything is planned.
 */
export function parseCustomScalars(gateway: ApolloGateway): void {
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
    const localDate = apiSchema.getType(LocalDateScalar.name);
    if (!isScalarType(localDate)) return;
    localDate.parseValue = LocalDateScalar.parseValue;
    localDate.parseLiteral = LocalDateScalar.parseLiteral;
  });
}
