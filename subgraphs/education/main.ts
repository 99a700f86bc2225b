// First: tracing must wrap pg and http before anything loads them.
import '../../platform/tracing-start';
import 'reflect-metadata';
import { runSubgraph } from '../shared/subgraph-server';
import { loadSuppressionThreshold } from '../shared/reports/threshold';
import { educationSubgraph } from './subgraph';

runSubgraph(educationSubgraph(loadSuppressionThreshold())).catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
