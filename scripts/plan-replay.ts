import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEFAULT_SUPPORTED_SUPERGRAPH_FEATURES, parseOperation, Supergraph } from '@apollo/federation-internals';
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlanSelectionNode } from '@apollo/query-planner';
import type { LeanFetcher } from '../platform/keep-alive-fetcher';
import type { InternalCall, InternalTokenSigner } from '../platform/internal-token';
import type { SubgraphName } from '../platform/subgraphs';

/** The security links the gateway enforces; the planner only needs to accept them. */
const FEATURES = new Set([
  ...DEFAULT_SUPPORTED_SUPERGRAPH_FEATURES,
  'https://specs.apollo.dev/authenticated/v0.1',
  'https://specs.apollo.dev/requiresScopes/v0.1',
]);

type Json = Record<string, unknown>;

/**
 * The "no gateway" line of the benchmark: the query plan the gateway would run for an operation,
 * replayed straight at the subgraphs: the same fetches in the same order (sequence and parallel),
 * each signed for its subgraph as the gateway signs it, entity representations taken from the
 * answers as the plan says. No user-token check, no authorization, no response shaping: what is
 * left is what the subgraphs cost.
 */
export class PlanReplay {
  private readonly plan: PlanNode;

  constructor(
    supergraphFile: string,
    query: string,
    private readonly subgraphUrls: Record<SubgraphName, string>,
    private readonly signer: InternalTokenSigner,
    private readonly fetcher: LeanFetcher,
  ) {
    const supergraph = Supergraph.build(readFileSync(supergraphFile, 'utf8'), { supportedFeatures: FEATURES });
    const node = new QueryPlanner(supergraph).buildQueryPlan(parseOperation(supergraph.schema, query)).node;
    if (!node || node.kind === 'Subscription') throw new Error('the operation has no plan to replay');
    this.plan = node;
  }

  /** Runs the plan once for this call; throws when a subgraph answers with errors. */
  async run(call: Omit<InternalCall, 'requestId'>, variables: Json = {}): Promise<Json> {
    const data: Json = {};
    await this.node(this.plan, { ...call, requestId: randomUUID() }, variables, [data], []);
    return data;
  }

  private async node(node: PlanNode, call: InternalCall, variables: Json, roots: Json[], path: (string | number)[]): Promise<void> {
    switch (node.kind) {
      case 'Sequence':
        for (const child of node.nodes) await this.node(child, call, variables, roots, path);
        return;
      case 'Parallel':
        await Promise.all(node.nodes.map((child) => this.node(child, call, variables, roots, path)));
        return;
      case 'Flatten':
        return this.node(node.node, call, variables, roots, [...path, ...node.path]);
      case 'Fetch':
        return this.fetch(node, call, variables, entitiesAt(roots, path));
      default:
        throw new Error(`the replay does not handle ${node.kind} nodes`);
    }
  }

  private async fetch(node: FetchNode, call: InternalCall, variables: Json, targets: Json[]): Promise<void> {
    if (node.inputRewrites?.length || node.outputRewrites?.length || node.contextRewrites?.length) throw new Error('the replay does not handle rewrites');
    const given = Object.fromEntries((node.variableUsages ?? []).filter((name) => name in variables).map((name) => [name, variables[name]]));
    const entities = node.requires ? targets.filter((target) => target && typeof target === 'object') : targets;
    if (node.requires && entities.length === 0) return;
    const representations = node.requires ? entities.map((entity) => project(entity, node.requires!)) : undefined;
    const name = node.serviceName as SubgraphName;
    const body = JSON.stringify({
      query: node.operation,
      operationName: node.operationName,
      variables: representations ? { ...given, representations } : given,
    });
    const token = await this.signer.sign(call, name, body);
    const response = await this.fetcher(this.subgraphUrls[name], {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': call.requestId },
      body,
    });
    const answer = (await response.json()) as { data?: Json; errors?: unknown[] };
    if (!response.ok || answer.errors?.length || !answer.data) throw new Error(`${name} answered ${response.status}: ${JSON.stringify(answer.errors)}`);
    if (representations) {
      const answers = answer.data._entities as Json[];
      entities.forEach((entity, index) => merge(entity, answers[index] ?? {}));
    } else {
      for (const target of targets) merge(target, answer.data);
    }
  }
}

/** The objects at a plan path (`@` steps into each element of a list). */
function entitiesAt(roots: unknown[], path: (string | number)[]): Json[] {
  let current: unknown[] = roots;
  for (const step of path) {
    current =
      step === '@'
        ? current.flatMap((value) => (Array.isArray(value) ? value : []))
        : current.map((value) => (value && typeof value === 'object' ? (value as Json)[step] : undefined)).filter((value) => value != null);
  }
  return current.flat(Infinity).filter((value): value is Json => Boolean(value) && typeof value === 'object');
}

/** The representation the plan requires of an entity. */
function project(entity: Json, selections: readonly QueryPlanSelectionNode[]): Json {
  const out: Json = {};
  for (const selection of selections) {
    if (selection.kind === 'InlineFragment') {
      if (!selection.typeCondition || selection.typeCondition === entity.__typename) Object.assign(out, project(entity, selection.selections));
    } else {
      const value = entity[selection.alias ?? selection.name];
      out[selection.alias ?? selection.name] =
        selection.selections && value && typeof value === 'object'
          ? Array.isArray(value)
            ? value.map((item: Json) => project(item, selection.selections!))
            : project(value as Json, selection.selections)
          : value;
    }
  }
  return out;
}

function merge(target: Json, source: Json): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (Array.isArray(existing) && Array.isArray(value)) {
      existing.forEach((item: unknown, index) => {
        const other: unknown = value[index];
        if (item && other && typeof item === 'object' && typeof other === 'object') merge(item as Json, other as Json);
      });
    } else if (existing && value && typeof existing === 'object' && typeof value === 'object') merge(existing as Json, value as Json);
    else target[key] = value;
  }
}
