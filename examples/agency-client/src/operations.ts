import { graphql } from './gql';

/**
 * The operations this school system sends, in the API schema's own terms. `npm run codegen` reads
 * them and writes ./gql, where each becomes a typed document: its result and variables are types
 * the compiler checks, so a schema change that breaks them fails the build, not a school.
 */

/** A child's status as the school sees it: classification, enrolment, care person, talks. */
export const ChildStatusQuery = graphql(`
  query ChildStatus($id: ID!) {
    child(id: $id) {
      id
      name
      classification {
        isLeftBehind
        type
      }
      enrolment {
        grade
        className
        school {
          id
          name
        }
      }
      careResponsiblePerson {
        teacherName
      }
      lastTalkOn
      talkOverdue
    }
  }
`);

/** A page of a school's pupils with their talk dates. */
export const SchoolPupilsQuery = graphql(`
  query SchoolPupils($schoolId: ID!, $after: String) {
    school(id: $schoolId) {
      name
      enrolments(first: 100, after: $after) {
        edges {
          node {
            grade
            className
            child {
              id
              name
              lastTalkOn
              talkOverdue
            }
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** Logs a talk (谈心谈话); the idempotency key makes a retry safe. */
export const LogTalkMutation = graphql(`
  mutation LogTalk($input: LogTalkInput!, $idempotencyKey: String) {
    logTalk(input: $input, idempotencyKey: $idempotencyKey) {
      id
      heldOn
      heldBy
    }
  }
`);
