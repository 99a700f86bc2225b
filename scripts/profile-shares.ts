import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/**
 * `node dist/scripts/profile-shares.js <file.cpuprofile>... [--top N]`: where a process's CPU went
 * under a benchmark's load (profiles from BENCH_PROFILE, scripts/cpu-profiling.ts), as shares of
 * its busy (non-idle) samples: self time by module and by function, and inclusive time (a sample
 * counts for every module on its stack) by module. Modules are npm packages (graphql-js split into
 * parse, validate and execute), our own files, and Node's internals.
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  hitCount?: number;
}

function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const packagePath = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(url);
  if (packagePath) {
    const [, name, rest] = packagePath;
    if (name === 'graphql') {
      const part = /^(language|validation|execution|type|utilities)\//.exec(rest)?.[1];
      return part ? `graphql/${part}` : 'graphql';
    }
    return name;
  }
  const ours = /\/dist\/(.*)\.js$/.exec(url);
  if (ours) return `ours:${ours[1]}`;
  const internal = /^node:(internal\/[^/]+|[^/]+)/.exec(url);
  return internal ? `node:${internal[1]}` : url;
}

function shares(file: string, top: number): void {
  const { nodes } = JSON.parse(readFileSync(file, 'utf8')) as { nodes: ProfileNode[] };
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const idle = nodes.filter((node) => node.callFrame.functionName === '(idle)').reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const busy = nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0) - idle;
  const selfModule = new Map<string, number>();
  const selfFunction = new Map<string, number>();
  const inclusiveModule = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, hits: number) => map.set(key, (map.get(key) ?? 0) + hits);
  for (const node of nodes) {
    const hits = node.hitCount ?? 0;
    if (!hits || node.callFrame.functionName === '(idle)') continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const module = moduleOf(url, functionName);
    add(selfModule, module, hits);
    add(selfFunction, `${functionName || '(anonymous)'} ${module}:${lineNumber + 1}`, hits);
    const onStack = new Set<string>();
    for (let at: number | undefined = node.id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (frame.functionName !== '(root)') onStack.add(moduleOf(frame.url, frame.functionName));
    }
    for (const name of onStack) add(inclusiveModule, name, hits);
  }
  const print = (title: string, map: Map<string, number>) => {
    console.log(`  ${title}`);
    for (const [key, hits] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`    ${((hits / busy) * 100).toFixed(1).padStart(5)} %  ${key}`);
  };
  console.log(`${basename(file)}: ${busy} busy samples (${((busy / (busy + idle)) * 100).toFixed(0)} % of all)`);
  print('self, by module', selfModule);
  print('self, by function', selfFunction);
  print('inclusive, by module', inclusiveModule);
}

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
for (const file of args) shares(file, top);
