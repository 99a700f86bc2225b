import { RegistryClient } from './client';
import { SchoolSystem } from './school-system';

/**
 * Run by a school's system (or by hand):
 *   REGISTRY_URL=http://127.0.0.1:4000/graphql REGISTRY_TOKEN=… SCHOOL_ID=… npm start
 * Lists the school's overdue talks and, with TALK_BY set, logs a talk with the first of them.
 */
async function main() {
  const env = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`Set ${name}.`);
    return value;
  };
  const school = new SchoolSystem(
    new RegistryClient({ endpoint: env('REGISTRY_URL'), token: env('REGISTRY_TOKEN'), purpose: process.env.REGISTRY_PURPOSE ?? 'education-support' }),
  );
  const overdue = await school.overdueTalks(env('SCHOOL_ID'));
  console.log(JSON.stringify({ overdue }, null, 2));
  if (process.env.TALK_BY && overdue[0]) {
    const talk = await school.logTalk({ childId: overdue[0].childId, heldBy: process.env.TALK_BY, summary: '例行谈心' });
    console.log(JSON.stringify({ logged: talk }, null, 2));
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? `${err.name}: ${err.message}` : err);
  process.exit(1);
});
