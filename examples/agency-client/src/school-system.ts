import { randomUUID } from 'node:crypto';
import { withRetry, type RegistryClient } from './client';
import { ChildStatusQuery, LogTalkMutation, SchoolPupilsQuery } from './operations';
import type { ChildStatusQuery as ChildStatus, LogTalkInput, SchoolPupilsQuery as SchoolPupils } from './gql/graphql';

/** A pupil whose talk (谈心谈话, one every two weeks) is overdue. */
export interface OverdueTalk {
  childId: string;
  name: string | null;
  grade: number;
  className: string | null;
  lastTalkOn: string | null;
}

/** What a school management system does with the registry, typed end to end. */
export class SchoolSystem {
  constructor(private readonly registry: RegistryClient) {}

  /** A child's status: classification, enrolment, care person, talks. */
  async childStatus(childId: string): Promise<NonNullable<ChildStatus['child']>> {
    const { child } = await this.registry.execute(ChildStatusQuery, { id: childId });
    if (!child) throw new Error(`No child ${childId}`);
    return child;
  }

  /** The school's pupils whose talk is overdue, every page of them. */
  async overdueTalks(schoolId: string): Promise<OverdueTalk[]> {
    const overdue: OverdueTalk[] = [];
    let after: string | null = null;
    do {
      // Annotated: `after` feeds the next call, which TypeScript cannot infer around.
      const { school }: SchoolPupils = await this.registry.execute(SchoolPupilsQuery, { schoolId, after });
      if (!school) return overdue;
      for (const { node } of school.enrolments.edges) {
        if (node.child.talkOverdue) {
          overdue.push({
            childId: node.child.id,
            name: node.child.name ?? null,
            grade: node.grade,
            className: node.className ?? null,
            lastTalkOn: node.child.lastTalkOn ?? null,
          });
        }
      }
      after = school.enrolments.pageInfo.hasNextPage ? (school.enrolments.pageInfo.endCursor ?? null) : null;
    } while (after);
    return overdue;
  }

  /**
   * Logs a talk exactly once, however often the network fails: one idempotency key for the talk,
   * kept across every retry.
   */
  async logTalk(input: LogTalkInput, idempotencyKey: string = randomUUID()) {
    const { logTalk } = await withRetry(() => this.registry.execute(LogTalkMutation, { input, idempotencyKey }));
    return logTalk;
  }
}
