/**
 * Purposes a request may state (X-Purpose) when it reads or writes a named child's data. The
 * subgraphs see purposes (they record them and check consents against them), never roles, so
 * the list lives here, apart from schema/roles.ts.
 */
export const PURPOSES = {
  'case-management': '个案管理: following up a child’s file, guardianship and assistance.',
  protection: '强制报告与保护: acting on a protection report or an emergency.',
  'education-support': '教育关爱: school care, talks and academic support.',
  'dropout-prevention': '控辍保学: bringing a child who left school back.',
  'care-programmes': '结对关爱: pairing children with helpers and programmes.',
  statistics: '统计分析: aggregate reports, no named child.',
} as const;

export type Purpose = keyof typeof PURPOSES;
