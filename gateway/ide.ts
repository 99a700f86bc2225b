import { existsSync, readFileSync } from 'node:fs';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { decodeJwt } from 'jose';
import type { Express } from 'express';

/** Where the IDE is served; GET /graphql from a browser is sent there. */
export const IDE_PATH = '/ide';

/** The README's first query: a page of children assembled from all three agencies. */
const FIRST_QUERY = `# A page of left-behind children of 萧县, assembled from all three agencies.
# Pick a demo role above: its token and purpose fill the headers. Compare what each may see.
{
  children(first: 2, filter: { regionPrefix: "341322", isLeftBehind: true }) {
    edges {
      node {
        id name age
        classification { type studentStatusFlag }
        guardianship { form guardianName }
        enrolment { grade school { name } }
        careResponsiblePerson { teacherName }
        talkOverdue
        pairings { helperName programme { partner { name } } }
      }
    }
  }
}
`;

interface DemoRole {
  role: string;
  token: string;
  purpose: string | null;
}

/** The demo tokens (development only), with the first purpose each token's claims allow. */
function demoRoles(tokensFile: string | null): DemoRole[] {
  if (!tokensFile || !existsSync(tokensFile)) return [];
  const tokens = JSON.parse(readFileSync(tokensFile, 'utf8')) as Record<string, string>;
  return Object.entries(tokens).map(([role, token]) => {
    // Read, not verified: the gateway verifies the token on every request as usual.
    const purposes = decodeJwt(token).purposes;
    return { role, token, purpose: Array.isArray(purposes) && typeof purposes[0] === 'string' ? purposes[0] : null };
  });
}

/** A bar of links, one per demo role: each opens the IDE with that role's token and purpose as its headers. */
function rolePicker(roles: DemoRole[], current: string | null): string {
  if (!roles.length) return '';
  const links = roles
    .map(({ role }) => `<a href="?role=${encodeURIComponent(role)}" style="margin-right:12px;${role === current ? 'font-weight:bold' : ''}">${role}</a>`)
    .join('');
  return `<nav style="font:13px sans-serif;padding:6px 12px;background:#f4f4f4">Demo role: ${links}</nav>`;
}

/**
 * The IDE served by the gateway itself, with every asset inlined from the npm package (GraphiQL,
 * via @graphql-yoga/render-graphiql): it works on a county intranet with no way out, where a page
 * that loads its editor from a CDN stays blank. The Content-Security-Policy lets it load nothing
 * but itself and talk to nothing but this gateway.
 */
export function serveIde(app: Express, options: { tokensFile: string | null }): void {
  app.get(IDE_PATH, (req, res) => {
    const roles = demoRoles(options.tokensFile);
    const wanted = typeof req.query.role === 'string' ? req.query.role : null;
    const chosen = roles.find((candidate) => candidate.role === wanted) ?? null;
    const headers = chosen
      ? { Authorization: `Bearer ${chosen.token}`, ...(chosen.purpose ? { 'X-Purpose': chosen.purpose } : {}) }
      : { 'X-Purpose': 'case-management' };
    res.setHeader(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'",
    );
    // `query` is read by the renderer though its type leaves it out.
    const ideOptions: Parameters<typeof renderGraphiQL>[0] & { query: string } = {
      title: 'Child registry federation',
      endpoint: '/graphql',
      // The initial query, not only the default: GraphiQL opens a new tab with it when the headers differ from a stored tab's.
      query: chosen ? FIRST_QUERY.replace('{\n  children', `query as_${chosen.role.replaceAll('-', '_')} {\n  children`) : FIRST_QUERY,
      headers: JSON.stringify(headers, null, 2),
      // Each role's page starts from its own headers, not from what an earlier page left in storage.
      shouldPersistHeaders: false,
    };
    const page = renderGraphiQL(ideOptions);
    res.type('html').send(page.replace(/(<body[^>]*>)/, `$1${rolePicker(roles, chosen?.role ?? null)}`));
  });
  // A browser opening the endpoint itself gets the IDE rather than an error.
  app.get('/graphql', (req, res, next) => (req.accepts(['json', 'html']) === 'html' ? res.redirect(IDE_PATH) : next()));
}
