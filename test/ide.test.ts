import { join, resolve } from 'node:path';
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';
import { startGateway, type GatewayProcess } from './support/gateway-process';

/**
 * The IDE the gateway serves must work on a county intranet with no way out: a real browser
 * (Chromium from npm, driven by Playwright) opens it with every request outside this machine
 * blocked, picks the case worker's tab and runs the README's first query.
 */
const TOKENS_FILE = join(resolve(__dirname, '..', '..'), '.test-data', 'demo-tokens.json');

describe('the IDE, offline', () => {
  let gateway: GatewayProcess;
  let browser: Browser;

  beforeAll(async () => {
    gateway = await startGateway({ NODE_ENV: 'development', GATEWAY_IDE_DEMO_TOKENS_FILE: TOKENS_FILE });
    browser = await playwright.launch({ executablePath: await chromium.executablePath(), args: chromium.args, headless: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await gateway?.stop();
  });

  it('loads with nothing from the network and runs the README’s first query as a demo role', async () => {
    const origin = new URL(gateway.url).origin;
    const page = await browser.newPage();
    const blocked: string[] = [];
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    // A browser opening the endpoint itself is sent to the IDE.
    await page.goto(gateway.url);
    expect(page.url()).toBe(`${origin}/ide`);
    // The case worker's page: its token and purpose in the headers, the query named for the role.
    await page.getByRole('link', { name: 'civil-affairs-case-worker' }).click();
    await page.locator('.graphiql-execute-button').waitFor({ timeout: 60_000 });
    await page.getByText('as_civil_affairs_case_worker').first().waitFor();
    const responses = page.waitForResponse(
      (response) =>
        response.url() === gateway.url &&
        response.request().method() === 'POST' &&
        (response.request().postData() ?? '').includes('as_civil_affairs_case_worker'),
    );
    await page.locator('.graphiql-execute-button').click();
    const answer = (await (await responses).json()) as { data?: { children: { edges: { node: { name: string; guardianship: unknown } }[] } } };
    expect(answer.data?.children.edges.length).toBeGreaterThan(0);
    // The case worker may see names and guardianship.
    expect(answer.data?.children.edges[0].node.name).toBeTruthy();
    await page.getByText('"children"').first().waitFor();
    expect(blocked).toEqual([]);
  }, 120_000);
});

describe('the IDE in production', () => {
  it('is not served unless switched on, and never with demo tokens', async () => {
    const gateway = await startGateway({ NODE_ENV: 'production' });
    try {
      const response = await fetch(gateway.url.replace(/graphql$/, 'ide'));
      expect(response.status).toBe(404);
      const landing = await fetch(gateway.url, { headers: { accept: 'text/html' } });
      // An API answer (here a refusal), never a page that would load an IDE.
      expect(await landing.text()).not.toMatch(/<html|sandbox/i);
    } finally {
      await gateway.stop();
    }
    await expect(startGateway({ NODE_ENV: 'production', GATEWAY_IDE: 'on', GATEWAY_IDE_DEMO_TOKENS_FILE: TOKENS_FILE })).rejects.toThrow(/exited/);
  });
});
