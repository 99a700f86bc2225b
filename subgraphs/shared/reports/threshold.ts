import { z } from 'zod';
import { parseEnv } from '../../../platform/env';

/** Counts under this are withheld in every agency's figures (REPORT_SUPPRESSION_THRESHOLD, default 5): set it alike in all three. */
export function loadSuppressionThreshold(env: NodeJS.ProcessEnv = process.env): number {
  return parseEnv(z.object({ REPORT_SUPPRESSION_THRESHOLD: z.coerce.number().int().min(1).max(1000).default(5) }), env).REPORT_SUPPRESSION_THRESHOLD;
}
