import { publishedFigures, type FigureFamily, type FigureTable } from '../../shared/reports/suppression';
import type { FederationFigures } from './region.type';

/** The federation's figure family: single figures only (a contact count, `parentContacts`, among them). */
export const FEDERATION_FIGURES: FigureFamily = {
  singles: ['registered', 'leftBehind', 'paired', 'proxyParent', 'withActiveConsent', 'familyEducation', 'withParentContact', 'parentContacts'],
  breakdowns: {},
  // Each coverage counts children within its denominator (parentContacts counts contacts, not children).
  within: { leftBehind: 'registered', paired: 'registered', proxyParent: 'leftBehind', familyEducation: 'registered', withParentContact: 'leftBehind' },
};

/** A region's federation figures as published from its parent's table. */
export function federationFiguresOf(table: FigureTable, code: string, asOf: string, recordedAt: Date, threshold: number): FederationFigures {
  const { count, rate } = publishedFigures(table, code);
  return {
    asOf,
    recordedAt,
    threshold,
    registered: count('registered'),
    leftBehind: count('leftBehind'),
    pairingCoverage: rate('paired', 'registered'),
    proxyParentCoverage: rate('proxyParent', 'leftBehind'),
    withActiveConsent: count('withActiveConsent'),
    familyEducationReach: rate('familyEducation', 'registered'),
    parentContactCoverage: rate('withParentContact', 'leftBehind'),
    parentContactsPerChild: rate('parentContacts', 'leftBehind'),
  };
}
