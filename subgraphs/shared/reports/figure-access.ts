import { DomainError, ErrorCode } from '../../../platform/errors';
import type { Principal } from '../../../platform/principal';

/**
 * Who may read figures, checked by every agency's figure resolver before any count is made:
 * figures are read for statistics (统计分析) only, stated in the X-Purpose header as for any read,
 * and only of a place within the reader's jurisdiction (a region, or the place of a school).
 */
export function requireFigureReader(reader: { principal: Principal; purpose: string | null }, place: string, what: string): void {
  if (reader.purpose !== 'statistics')
    throw new DomainError(
      reader.purpose ? ErrorCode.FORBIDDEN_PURPOSE : ErrorCode.PURPOSE_REQUIRED,
      'Region figures are read for the statistics purpose: send X-Purpose: statistics.',
    );
  if (!reader.principal.jurisdiction.some((prefix) => place.startsWith(prefix)))
    throw new DomainError(ErrorCode.OUTSIDE_JURISDICTION, `The figures of ${what} are outside your jurisdiction.`, { field: 'code' });
}
