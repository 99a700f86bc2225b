import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { DomainError, ErrorCode, badInput } from '../../platform/errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@Directive('@shareable')
@ObjectType({ description: 'Where a page of a list stands.' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Pass as `after` to get the next page; null on an empty page.' })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `How many items to return, 1 to ${MAX_PAGE_SIZE}.` })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: "Start after this cursor (a previous page's endCursor)." })
  after?: string | null;
}

/** Pages are ordered by id; a cursor is the last id seen, encoded so clients treat it as opaque. */
export interface PageWindow {
  /** Rows to fetch: one more than asked, to learn whether another page follows. */
  limit: number;
  afterId: string | null;
  first: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function encodeCursor(id: string): string {
  return Buffer.from(`id:${id}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const id = decoded.startsWith('id:') ? decoded.slice(3) : '';
  if (!UUID.test(id)) throw new DomainError(ErrorCode.INVALID_CURSOR, 'The cursor is not one this API issued.');
  return id;
}

export function pageWindow(args: PageArgs): PageWindow {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
  }
  return { first, limit: first + 1, afterId: args.after ? decodeCursor(args.after) : null };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/** Turns `limit` rows fetched in id order into a page of `first` items. */
export function toConnection<T extends { id: string }>(rows: T[], window: PageWindow): Connection<T> {
  const nodes = rows.slice(0, window.first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > window.first, endCursor: edges.at(-1)?.cursor ?? null },
  };
}

/** A Relay-style connection type for `Node`, named `<name>Connection` with `<name>Edge`. */
export function ConnectionType<T extends object>(Node: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque position of this item, for `after`.' })
    cursor!: string;

    @Field(() => Node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionClass {
    @Field(() => [Edge], { description: 'The items of this page.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Whether more pages follow.' })
    pageInfo!: PageInfo;
  }
  return ConnectionClass;
}

/** A page of a working list (工作台账), with how many items the whole list holds for the caller. */
export interface WorkingListPage<T> extends Connection<T> {
  totalCount: number;
}

/** Turns `limit` rows and the list's count (one statement each, whatever the page size) into a page. */
export function toWorkingListPage<T extends { id: string }>(rows: T[], window: PageWindow, totalCount: number): WorkingListPage<T> {
  return { ...toConnection(rows, window), totalCount };
}

/**
 * A working list's page type, `<name>WorkingList` with `<name>WorkingListEdge`: a connection with
 * `totalCount`, the number of items in the whole list among the rows the caller may reach (so a
 * count never includes another county's or school's children).
 */
export function WorkingListType<T extends object>(Node: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}WorkingListEdge`, { description: `One ${name} of a working list, with its cursor.` })
  class Edge {
    @Field({ description: 'Opaque position of this item, for `after`.' })
    cursor!: string;

    @Field(() => Node, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}WorkingList`, { description })
  class WorkingListClass {
    @Field(() => [Edge], { description: 'The items of this page.' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: 'Whether more pages follow.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds, among the rows you may reach.' })
    totalCount!: number;
  }
  return WorkingListClass;
}
