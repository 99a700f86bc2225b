/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query ChildStatus($id: ID!) {\n    child(id: $id) {\n      id\n      name\n      classification {\n        isLeftBehind\n        type\n      }\n      enrolment {\n        grade\n        className\n        school {\n          id\n          name\n        }\n      }\n      careResponsiblePerson {\n        teacherName\n      }\n      lastTalkOn\n      talkOverdue\n    }\n  }\n": typeof types.ChildStatusDocument,
    "\n  query SchoolPupils($schoolId: ID!, $after: String) {\n    school(id: $schoolId) {\n      name\n      enrolments(first: 100, after: $after) {\n        edges {\n          node {\n            grade\n            className\n            child {\n              id\n              name\n              lastTalkOn\n              talkOverdue\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.SchoolPupilsDocument,
    "\n  mutation LogTalk($input: LogTalkInput!, $idempotencyKey: String) {\n    logTalk(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      heldOn\n      heldBy\n    }\n  }\n": typeof types.LogTalkDocument,
};
const documents: Documents = {
    "\n  query ChildStatus($id: ID!) {\n    child(id: $id) {\n      id\n      name\n      classification {\n        isLeftBehind\n        type\n      }\n      enrolment {\n        grade\n        className\n        school {\n          id\n          name\n        }\n      }\n      careResponsiblePerson {\n        teacherName\n      }\n      lastTalkOn\n      talkOverdue\n    }\n  }\n": types.ChildStatusDocument,
    "\n  query SchoolPupils($schoolId: ID!, $after: String) {\n    school(id: $schoolId) {\n      name\n      enrolments(first: 100, after: $after) {\n        edges {\n          node {\n            grade\n            className\n            child {\n              id\n              name\n              lastTalkOn\n              talkOverdue\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.SchoolPupilsDocument,
    "\n  mutation LogTalk($input: LogTalkInput!, $idempotencyKey: String) {\n    logTalk(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      heldOn\n      heldBy\n    }\n  }\n": types.LogTalkDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ChildStatus($id: ID!) {\n    child(id: $id) {\n      id\n      name\n      classification {\n        isLeftBehind\n        type\n      }\n      enrolment {\n        grade\n        className\n        school {\n          id\n          name\n        }\n      }\n      careResponsiblePerson {\n        teacherName\n      }\n      lastTalkOn\n      talkOverdue\n    }\n  }\n"): typeof import('./graphql').ChildStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SchoolPupils($schoolId: ID!, $after: String) {\n    school(id: $schoolId) {\n      name\n      enrolments(first: 100, after: $after) {\n        edges {\n          node {\n            grade\n            className\n            child {\n              id\n              name\n              lastTalkOn\n              talkOverdue\n            }\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').SchoolPupilsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogTalk($input: LogTalkInput!, $idempotencyKey: String) {\n    logTalk(input: $input, idempotencyKey: $idempotencyKey) {\n      id\n      heldOn\n      heldBy\n    }\n  }\n"): typeof import('./graphql').LogTalkDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
