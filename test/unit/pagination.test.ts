import 'reflect-metadata';
import { randomBytes, randomUUID } from 'node:crypto';
import { CursorCodec, pageWindow, toConnection } from '../../subgraphs/shared/pagination';

describe('toConnection', () => {
  const cursors = new CursorCodec(randomBytes(32));
  const rows = Array.from({ length: 4 }, () => ({ id: randomUUID() })).sort((a, b) => a.id.localeCompare(b.id));

  function countingWindow(holder: string) {
    const window = pageWindow({ first: 3 }, { principal: { sub: holder }, cursors });
    const sealed: string[] = [];
    const cursorOf = window.cursorOf;
    window.cursorOf = (id) => (sealed.push(id), cursorOf(id));
    return { window, sealed };
  }

  it('seals no cursor the query does not read', () => {
    const { window, sealed } = countingWindow('user-a');
    const page = toConnection(rows, window);
    expect(page.edges.map((edge) => edge.node)).toEqual(rows.slice(0, 3));
    expect(page.pageInfo.hasNextPage).toBe(true);
    expect(sealed).toEqual([]);
  });

  it('seals each cursor once when read, bound to its holder, and endCursor is the last edge’s', () => {
    const { window, sealed } = countingWindow('user-a');
    const page = toConnection(rows, window);
    const first = page.edges[0].cursor;
    expect(page.edges[0].cursor).toBe(first);
    expect(page.pageInfo.endCursor).toBe(page.edges[2].cursor);
    expect(sealed).toEqual([rows[0].id, rows[2].id]);
    expect(cursors.open(first, 'user-a')).toBe(rows[0].id);
    expect(() => cursors.open(first, 'user-b')).toThrow('The cursor is not one this API issued.');
    // Serialised (as a test or a log would), the page still carries its cursors.
    expect(JSON.parse(JSON.stringify(page)).edges[1].cursor).toBe(page.edges[1].cursor);
  });

  it('has no end cursor on an empty page', () => {
    const { window, sealed } = countingWindow('user-a');
    expect(toConnection([], window).pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    expect(sealed).toEqual([]);
  });
});
