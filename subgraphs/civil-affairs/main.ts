// First: tracing must wrap pg and http before anything loads them.
import '../../platform/tracing-start';
import 'reflect-metadata';
import { runSubgraph } from '../shared/subgraph-server';
import { loadNationalIdKeys, loadNationalIdLookupLimit, loadSuppressionThreshold } from './config';
import { NationalIdCipher } from './national-id-cipher';
import { civilAffairsSubgraph } from './subgraph';

const keys = loadNationalIdKeys();
runSubgraph(civilAffairsSubgraph(new NationalIdCipher(keys.encryptionKey, keys.hmacKey), loadNationalIdLookupLimit(), loadSuppressionThreshold())).catch(
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
