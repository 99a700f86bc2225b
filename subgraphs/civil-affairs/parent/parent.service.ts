import { optionalPhone, optionalText, pastDate } from '../../shared/validation';
import type { ParentRow } from './parent.entity';
import type { ParentInput } from './parent.inputs';

/** Validates a parent input and turns it into the row to store. */
export function toParentRow(childId: string, role: ParentRow['role'], input: ParentInput): ParentRow {
  const field = role === 'FATHER' ? 'father' : 'mother';
  return {
    childId,
    role,
    name: optionalText(input.name, `${field}.name`, 50),
    phone: optionalPhone(input.phone, `${field}.phone`),
    workPlace: optionalText(input.workPlace, `${field}.workPlace`, 200),
    awaySince: input.awaySince ? pastDate(input.awaySince, `${field}.awaySince`) : null,
    unableToGuard: input.unableToGuard ?? false,
    unableReason: optionalText(input.unableReason, `${field}.unableReason`, 200),
  };
}
