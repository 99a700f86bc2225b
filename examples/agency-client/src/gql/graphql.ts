/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** How many parents work away: outside the county for at least 3 consecutive months (外出务工). */
export type LeftBehindType =
  | 'BOTH_PARENTS_AWAY'
  | 'NONE'
  | 'ONE_PARENT_AWAY';

/** A talk held with a child. */
export type LogTalkInput = {
  /** Registry id of the child. */
  childId: string | number;
  /** Who talked with the child: the care-responsible person when omitted, or a named colleague (e.g. the counsellor or the head teacher). */
  heldBy?: string | null | undefined;
  /** When it was held; today when omitted. */
  heldOn?: string | null | undefined;
  /** What was said and agreed, up to 2,000 characters. */
  summary?: string | null | undefined;
};

export type ChildStatusQueryVariables = Exact<{
  id: string | number;
}>;


export type ChildStatusQuery = { child: { id: string, name: string | null, lastTalkOn: string | null, talkOverdue: boolean | null, classification: { isLeftBehind: boolean, type: LeftBehindType } | null, enrolment: { grade: number, className: string | null, school: { id: string, name: string } } | null, careResponsiblePerson: { teacherName: string } | null } | null };

export type SchoolPupilsQueryVariables = Exact<{
  schoolId: string | number;
  after?: string | null | undefined;
}>;


export type SchoolPupilsQuery = { school: { name: string, enrolments: { edges: Array<{ node: { grade: number, className: string | null, child: { id: string, name: string | null, lastTalkOn: string | null, talkOverdue: boolean | null } } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } } | null };

export type LogTalkMutationVariables = Exact<{
  input: LogTalkInput;
  idempotencyKey?: string | null | undefined;
}>;


export type LogTalkMutation = { logTalk: { id: string, heldOn: string, heldBy: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const ChildStatusDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<ChildStatusQuery, ChildStatusQueryVariables>;
export const SchoolPupilsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<SchoolPupilsQuery, SchoolPupilsQueryVariables>;
export const LogTalkDocument = new TypedDocumentString(`
    mutation LogTalk($input: LogTalkInput!, $idempotencyKey: String) {
  logTalk(input: $input, idempotencyKey: $idempotencyKey) {
    id
    heldOn
    heldBy
  }
}
    `) as unknown as TypedDocumentString<LogTalkMutation, LogTalkMutationVariables>;