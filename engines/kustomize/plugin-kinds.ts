/**
 * The builtin plugin kinds: which kinds load as generators or transformers, and what each does with its
 * config. Each kind calls the code of the kustomization field it stands for.
 */
import { jsonToYaml, type YMap, type YValue } from '../yaml/index.js';
import { KustomizeError } from './errors.js';
import { contentHash, runGenerator } from './generators.js';
import { PluginConfig } from './plugin-config.js';
import { idString, type Resource } from './resource.js';
import { applyReplacements } from './replacements.js';
import { type BuildState, resourcesFromText, runPatches, runPatchesJson6902, runPatchesStrategicMerge } from './target.js';
import { applyAffixes, applyImages, applyNamespace, applyReplicas, setStringMap } from './transformers.js';
import { makeValueAdd } from './value-add.js';

export type Transform = (acc: Resource[]) => void;
export type Generate = () => Resource[];

export interface Ctx {
  readonly st: BuildState;
  readonly dir: string;
  readonly file: string;
}
const GENERATORS = new Set(['ConfigMapGenerator', 'SecretGenerator', 'HelmChartInflationGenerator', 'IAMPolicyGenerator']);
const TRANSFORMERS = new Set([
  'AnnotationsTransformer', 'HashTransformer', 'ImageTagTransformer', 'LabelTransformer', 'NamespaceTransformer',
  'PatchJson6902Transformer', 'PatchStrategicMergeTransformer', 'PatchTransformer', 'PrefixSuffixTransformer',
  'PrefixTransformer', 'SuffixTransformer', 'ReplicaCountTransformer', 'ReplacementTransformer', 'ValueAddTransformer',
]);

function pluginId(r: Resource): string {
  return idString(r.curId());
}

export function checkLoadable(r: Resource, want: 'generator' | 'transformer'): void {
  const g = r.gvk;
  if (g.group !== '' || g.version !== 'builtin') {
    throw new KustomizeError('not-supported', `external plugins disabled; unable to load external plugin '${r.kind}' (exec, container and other non-builtin plugins are never run)`);
  }
  if (!GENERATORS.has(r.kind) && !TRANSFORMERS.has(r.kind)) {
    throw new KustomizeError('invalid-kustomization', `unable to load builtin ${r.kind}.builtin.[noGrp]: no builtin plugin of that kind`);
  }
  if (want === 'generator' && !GENERATORS.has(r.kind)) throw new KustomizeError('invalid-kustomization', `plugin ${pluginId(r)} not a generator`);
  if (want === 'transformer' && !TRANSFORMERS.has(r.kind)) throw new KustomizeError('invalid-kustomization', `plugin ${pluginId(r)} not a transformer`);
  if (r.kind === 'HelmChartInflationGenerator') {
    throw new KustomizeError('not-supported', `plugin ${pluginId(r)}: helm charts are not supported (Flux builds with helm chart inflation disabled)`);
  }
}

/** IAMPolicyGenerator: a GKE workload-identity ServiceAccount (the only cloud kustomize knows). */
function makeIamPolicyGenerator(c: PluginConfig, file: string): Generate {
  const cloud = c.str('cloud') ?? '';
  const ksa = c.map('kubernetesService') ?? {};
  const gsa = c.map('serviceAccount') ?? {};
  const name = c.str('name', ksa) ?? '';
  const namespace = c.str('namespace', ksa) ?? '';
  const account = `${c.str('name', gsa) ?? ''}@${c.str('projectId', gsa) ?? ''}.iam.gserviceaccount.com`;
  return () => {
    if (cloud !== 'gke') throw new KustomizeError('generator', `${file}: cloud provider ${cloud} not supported yet`);
    const meta: YMap = { annotations: { 'iam.gke.io/gcp-service-account': account } };
    if (name) meta.name = name;
    if (namespace) meta.namespace = namespace;
    return resourcesFromText(jsonToYaml({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta }), file);
  };
}

export function makeGenerator(ctx: Ctx, r: Resource): Generate {
  const c = new PluginConfig(r.obj, pluginId(r), r.kind);
  if (r.kind === 'IAMPolicyGenerator') return makeIamPolicyGenerator(c, ctx.file);
  const kind = r.kind === 'SecretGenerator' ? 'Secret' : 'ConfigMap';
  const args: YMap = {};
  const name = c.str('name') || r.name;
  const namespace = c.str('namespace') || r.namespace;
  if (name) args.name = name;
  if (namespace) args.namespace = namespace;
  for (const f of ['behavior', 'env', ...(kind === 'Secret' ? ['type'] : [])]) {
    const v = c.str(f);
    if (v !== undefined) args[f] = v;
  }
  for (const f of ['literals', 'files', 'envs']) {
    const v = c.stringList(f);
    if (v !== undefined) args[f] = v;
  }
  const o = c.map('options');
  if (o) {
    const opts: YMap = { labels: c.stringMap('labels', o), annotations: c.stringMap('annotations', o) };
    if (c.raw('disableNameSuffixHash', o) !== undefined) opts.disableNameSuffixHash = String(c.bool('disableNameSuffixHash', o));
    if (c.raw('immutable', o) !== undefined) opts.immutable = String(c.bool('immutable', o));
    args.options = opts;
  }
  return () => [runGenerator(args, kind, undefined, ctx.st.loader, ctx.dir, ctx.file)];
}

export function makeTransformer(ctx: Ctx, r: Resource): Transform {
  const c = new PluginConfig(r.obj, pluginId(r), r.kind);
  const { st, dir, file } = ctx;
  switch (r.kind) {
    case 'LabelTransformer':
    case 'AnnotationsTransformer': {
      const values = c.stringMap(r.kind === 'LabelTransformer' ? 'labels' : 'annotations');
      const specs = c.fieldSpecs() ?? [];
      return (acc) => {
        if (Object.keys(values).length === 0) return;
        for (const res of acc) setStringMap(res, specs, values);
      };
    }
    case 'NamespaceTransformer': {
      const meta = c.map('metadata');
      const ns = (meta ? c.str('namespace', meta) : undefined) ?? '';
      const mode = c.str('setRoleBindingSubjects') ?? '';
      if (mode !== '' && mode !== 'defaultOnly' && mode !== 'allServiceAccounts' && mode !== 'none') {
        c.fail(`invalid value "${mode}" for setRoleBindingSubjects: must be one of "defaultOnly", "none" or "allServiceAccounts"`);
      }
      const opts = { specs: c.fieldSpecs() ?? [], unsetOnly: c.bool('unsetOnly'), subjects: (mode || 'defaultOnly') as 'defaultOnly' | 'allServiceAccounts' | 'none' };
      return (acc) => applyNamespace(acc, ns, opts);
    }
    case 'PrefixTransformer':
    case 'SuffixTransformer':
    case 'PrefixSuffixTransformer': {
      const specs = c.fieldSpecs() ?? c.fail('fieldSpecs is not expected to be nil');
      const prefix = r.kind === 'SuffixTransformer' ? undefined : c.str('prefix') ?? '';
      const suffix = r.kind === 'PrefixTransformer' ? undefined : c.str('suffix') ?? '';
      return (acc) => applyAffixes(acc, prefix, suffix, specs);
    }
    case 'ImageTagTransformer': {
      const tag = c.map('imageTag') ?? {};
      const image: YMap = {};
      for (const f of ['name', 'newName', 'newTag', 'digest', 'tagSuffix']) {
        const v = c.str(f, tag);
        if (v !== undefined) image[f] = v;
      }
      const specs = c.fieldSpecs() ?? [];
      return (acc) => applyImages(acc, { images: [image] }, specs);
    }
    case 'ReplicaCountTransformer': {
      const rep = c.map('replica') ?? {};
      const replica: YMap = { name: c.str('name', rep) ?? '', count: c.int('count', rep) ?? '0' };
      const specs = c.fieldSpecs() ?? [];
      return (acc) => applyReplicas(acc, { replicas: [replica] }, specs);
    }
    case 'PatchTransformer': {
      const entry: YMap = {};
      for (const f of ['path', 'patch']) {
        const v = c.str(f);
        if (v) entry[f] = v;
      }
      if (!entry.path && !entry.patch) c.fail('must specify one of patch and path in configuration');
      if (entry.path && entry.patch) c.fail('patch and path can\'t be set at the same time');
      const target = c.map('target');
      if (target) entry.target = target;
      const options = c.map('options');
      if (options) entry.options = { allowNameChange: String(c.bool('allowNameChange', options)), allowKindChange: String(c.bool('allowKindChange', options)) };
      return (acc) => runPatches(st, dir, { patches: [entry] }, acc, file);
    }
    case 'PatchStrategicMergeTransformer': {
      const entries: YValue[] = [...(c.stringList('paths') ?? [])];
      const inline = c.str('patches');
      if (entries.length === 0 && !inline) c.fail('empty file path and empty patch content');
      if (inline) entries.push(inline.includes('\n') ? inline : inline + '\n');
      return (acc) => runPatchesStrategicMerge(st, dir, entries, acc, file);
    }
    case 'PatchJson6902Transformer': {
      // kustomize dereferences a missing target (a crash); the entry checks are runPatchesJson6902's
      const target = c.map('target') ?? c.fail('must specify the target name');
      const path = c.str('path');
      const op = c.str('jsonOp');
      const entry: YMap = { target, ...(path ? { path } : {}), ...(op ? { patch: op } : {}) };
      return (acc) => runPatchesJson6902(st, dir, [entry], acc, file);
    }
    case 'ReplacementTransformer': {
      const list = c.list('replacements') ?? [];
      return (acc) => applyReplacements(acc, list, st.loader, dir, file);
    }
    case 'ValueAddTransformer':
      return makeValueAdd(c, st, dir);
    case 'HashTransformer':
      // hashes every generated resource that wants a suffix now; the build hashes them again at the end
      return (acc) => {
        for (const res of acc) {
          if (!res.generated?.needsHash) continue;
          const h = contentHash(res);
          res.storePreviousId();
          res.name = `${res.name}-${h}`;
        }
      };
    default:
      throw new KustomizeError('invalid-kustomization', `unable to load builtin ${r.kind}.builtin.[noGrp]`);
  }
}

