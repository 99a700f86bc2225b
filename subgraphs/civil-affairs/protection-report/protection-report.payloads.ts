import { ConnectionType, WorkingListType } from '../../shared/pagination';
import { ProtectionReport, ProtectionReportReceipt } from './protection-report.type';

export const ProtectionReportWorkingList = WorkingListType(
  ProtectionReport,
  'ProtectionReport',
  'A page of a working list of protection reports, with the whole list’s count.',
);

export const ProtectionReportReceiptConnection = ConnectionType(ProtectionReportReceipt, 'ProtectionReportReceipt', 'A page of the reports you filed.');
