import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { DomainError, ErrorCode, badInput } from '../../platform/errors';
import type { Principal } from '../../platform/principal';

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

/** Pages are ordered by id; a cursor is the last id seen, sealed so it tells nothing (see CursorCodec). */
export interface PageWindow {
  /** Rows to fetch: one more than asked, to learn whether another page follows. */
  limit: number;
  afterId: string | null;
  first: number;
  /** The cursor of a row, for this caller. */
  cursorOf(id: string): string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const ID_BYTES = 16;
const invalidCursor = () => new DomainError(ErrorCode.INVALID_CURSOR, 'The cursor is not one this API issued.');

/**
 * Cursors are opaque: the position (the last row's id) is encrypted with AES-256-GCM under
 * CURSOR_KEY, with a fresh nonce each time, and bound to the user it was issued to. A cursor tells
 * its holder nothing (not the registry id, not whether two pages held the same child), cannot be
 * forged or altered, and is refused (INVALID_CURSOR) from anyone else or under another key. It is
 * still a position, not a snapshot: rows that appear or go away between pages are not tracked.
 */
export class CursorCodec {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('The cursor key must be 32 bytes.');
  }

  seal(id: string, holder: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(Buffer.from(holder, 'utf8'));
    const position = Buffer.from(id.replace(/-/g, ''), 'hex');
    if (position.length !== ID_BYTES) throw new Error('Only UUID positions can be sealed.');
    return Buffer.concat([iv, cipher.update(position), cipher.final(), cipher.getAuthTag()]).toString('base64url');
  }

  open(cursor: string, holder: string): string {
    const sealed = Buffer.from(cursor, 'base64url');
    if (sealed.length !== IV_BYTES + ID_BYTES + TAG_BYTES || sealed.toString('base64url') !== cursor) throw invalidCursor();
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(0, IV_BYTES)).setAAD(Buffer.from(holder, 'utf8'));
      decipher.setAuthTag(sealed.subarray(IV_BYTES + ID_BYTES));
      const hex = Buffer.concat([decipher.update(sealed.subarray(IV_BYTES, IV_BYTES + ID_BYTES)), decipher.final()]).toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    } catch {
      throw invalidCursor();
    }
  }
}

/** What paging needs of the request: who asks (cursors are theirs alone) and the codec. */
export interface PagingContext {
  principal: Pick<Principal, 'sub'>;
  cursors: CursorCodec;
}

export function pageWindow(args: PageArgs, ctx: PagingContext): PageWindow {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput(`first must be between 1 and ${MAX_PAGE_SIZE}.`, 'first');
  }
  const holder = ctx.principal.sub;
  return {
    first,
    limit: first + 1,
    afterId: args.after ? ctx.cursors.open(args.after, holder) : null,
    cursorOf: (id) => ctx.cursors.seal(id, holder),
  };
}

export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/**
 * Turns `limit` rows fetched in id order into a page of `first` items. A cursor is sealed only
 * when the query reads it (then once): sealing is an AES-GCM encryption with a fresh nonce, and
 * most pages (the gateway's dossier among them) select no cursor at all.
 */
export function toConnection<T extends { id: string }>(rows: T[], window: PageWindow): Connection<T> {
  const nodes = rows.slice(0, window.first);
  const edges = nodes.map((node) => {
    let sealed: string | undefined;
    return {
      node,
      get cursor(): string {
        return (sealed ??= window.cursorOf(node.id));
      },
    };
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > window.first,
      get endCursor(): string | null {
        return edges.at(-1)?.cursor ?? null;
      },
    },
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
