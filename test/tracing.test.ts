import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_COUNTY } from '../demo/principals';
import { SUBGRAPHS, subgraphInfo, type SubgraphName } from '../platform/subgraphs';
import { startGateway, startSubgraph, type ServiceProcess } from './support/gateway-process';
import { ADMIN, freshNationalId, post, tokenFor, waitFor, waitForRegistryFeed } from './support/system';

/**
 * Issue 15's traces: one request followed from the gateway through each subgraph into its SQL, by
 * W3C trace context across the signed internal call, exported by OTLP to a receiver this test runs;
 * and no span says anything about a child. Replicas of the three subgraphs and a gateway run with
 * tracing on against the suite's databases; the suite's own processes run with it off.
 */

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  attributes?: { key: string; value: Record<string, unknown> }[];
}
interface ReceivedSpan extends OtlpSpan {
  service: string;
}

/** An OTLP/HTTP (JSON) traces receiver: keeps every body it was sent, as text and as spans. */
function receiver(): { server: Server; bodies: string[]; spans: ReceivedSpan[] } {
  const bodies: string[] = [];
  const spans: ReceivedSpan[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      bodies.push(body);
      const parsed = JSON.parse(body) as {
        resourceSpans: { resource: { attributes: { key: string; value: { stringValue?: string } }[] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
      };
      for (const resourceSpans of parsed.resourceSpans) {
        const service = resourceSpans.resource.attributes.find((attribute) => attribute.key === 'service.name')?.value.stringValue ?? '';
        for (const scope of resourceSpans.scopeSpans) for (const span of scope.spans) spans.push({ ...span, service });
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return { server, bodies, spans };
}

const TRACING = (endpoint: string) => ({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '200', LOG_LEVEL: 'info' });

describe('traces across the gateway, the subgraphs and PostgreSQL', () => {
  const otlp = receiver();
  const replicas: Partial<Record<SubgraphName, ServiceProcess>> = {};
  let gateway: ServiceProcess;

  beforeAll(async () => {
    await new Promise<void>((listening) => otlp.server.listen(0, '127.0.0.1', listening));
    const endpoint = `http://127.0.0.1:${(otlp.server.address() as AddressInfo).port}`;
    for (const { name } of SUBGRAPHS) replicas[name] = await startSubgraph(name, TRACING(endpoint));
    gateway = await startGateway({
      ...TRACING(endpoint),
      ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${subgraphInfo(name).envPrefix}_URL`, replicas[name]!.url])),
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    for (const replica of Object.values(replicas)) await replica?.stop();
    otlp.server.close();
  });

  it('follows one request into every subgraph and its SQL, and no span names the child, its ID, a phone, a token or a variable', async () => {
    const identity = freshNationalId();
    const name = '踪迹测试儿童';
    const phone = '13912345678';
    const token = await tokenFor(ADMIN);
    const headers = { authorization: `Bearer ${token}`, 'x-purpose': 'case-management' };
    // Registered through the traced gateway: the child's facts travel in variables and SQL parameters.
    const registered = await post(
      gateway.url,
      {
        query: `mutation Register($input: RegisterChildInput!) { registerChild(input: $input) { child { id } } }`,
        variables: {
          input: {
            name,
            gender: identity.gender,
            birthDate: identity.birthDate,
            nationalId: identity.nationalId,
            householdRegionCode: DEMO_COUNTY,
            residenceRegionCode: DEMO_COUNTY,
            father: { name: '踪迹父亲', phone, workPlace: '广东省东莞市踪迹工厂', awaySince: '2024-01-15' },
            mother: { awaySince: '2024-03-01' },
          },
        },
      },
      headers,
    );
    expect(registered.body.errors).toBeUndefined();
    const childId: string = registered.body.data.registerChild.child.id;
    await waitForRegistryFeed(childId);

    const response = await post(
      gateway.url,
      {
        query: `query Dossier($nid: String!) { childByNationalId(nationalId: $nid) { id name nationalId father { name phone workPlace } enrolment { grade } pairings { id } } }`,
        variables: { nid: identity.nationalId },
      },
      headers,
    );
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.childByNationalId).toMatchObject({ id: childId, name, nationalId: identity.nationalId, father: { phone } });

    // The request's trace: the gateway's spans, each subgraph's, and the registry's SQL, under one trace id.
    const trace = await waitFor(async () => {
      const root = otlp.spans.find(
        (span) =>
          span.service === 'gateway' &&
          span.name === 'gateway.request' &&
          span.attributes?.some((attribute) => attribute.key === 'graphql.operation.name' && attribute.value.stringValue === 'Dossier'),
      );
      if (!root) return null;
      const spans = otlp.spans.filter((span) => span.traceId === root.traceId);
      const sql = spans.some((span) => span.service === 'civil-affairs' && span.name.startsWith('pg.query'));
      // Each subgraph's server span is the child of a gateway span: the context crossed the signed
      // call. A server span ends (and is exported) after its SQL spans: wait for it, not only them.
      const gatewaySpanIds = new Set(spans.filter((span) => span.service === 'gateway').map((span) => span.spanId));
      const linked = (service: string) => spans.some((span) => span.service === service && span.parentSpanId && gatewaySpanIds.has(span.parentSpanId));
      return ['civil-affairs', 'education', 'womens-federation'].every(linked) && sql ? spans : null;
    });
    // SQL spans say which statement ran, never with what.
    const statements = trace
      .filter((span) => span.name.startsWith('pg.query'))
      .flatMap((span) => span.attributes ?? [])
      .filter((attribute) => attribute.key === 'db.statement');
    expect(statements.length).toBeGreaterThan(0);

    // Nothing personal in anything exported: not in an attribute, an event, a name, a resource.
    const exported = otlp.bodies.join('\n');
    for (const secret of [name, identity.nationalId, phone, '踪迹父亲', '踪迹工厂', token, token.split('.')[2]!, 'Bearer']) {
      expect({ secret, found: exported.includes(secret) }).toEqual({ secret, found: false });
    }
    // The gateway's log lines of that request carry its trace id, so a log line leads to its trace.
    const traceId = trace[0]!.traceId;
    await waitFor(async () => gateway.output().includes(`"trace_id":"${traceId}"`));
  });

  it('with no endpoint configured records no spans: its log lines carry no trace ids', async () => {
    const quiet = await startGateway({ LOG_LEVEL: 'info' });
    try {
      const response = await post(
        quiet.url,
        { query: `{ children(first: 1) { edges { node { id } } } }` },
        { authorization: `Bearer ${await tokenFor(ADMIN)}`, 'x-purpose': 'case-management' },
      );
      expect(response.status).toBe(200);
      await waitFor(async () => quiet.output().includes('"msg"'));
      expect(quiet.output()).not.toContain('trace_id');
    } finally {
      await quiet.stop();
    }
  });
});
