/**
 * Scenarios for load restrictions: kustomize's default keeps every file a kustomization names in or below
 * its directory; `--load-restrictor LoadRestrictionsNone` (Flux's kustomize-controller setting) lets an
 * overlay read shared files beside it, while kustomization directories (resources, components) are
 * directories either way.
 */
import { deploy, type Scenario } from './fixtures.js';

const shared = {
  'shared/app.properties': 'mode=shared\n',
  'shared/settings.env': 'A=1\nB=two\n',
  'shared/replicas-patch.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 4\n',
  'shared/json-patch.yaml': '- op: add\n  path: /metadata/labels\n  value: {patched: "yes"}\n',
  'shared/svc.yaml': 'apiVersion: v1\nkind: Service\nmetadata:\n  name: shared\nspec:\n  ports:\n  - port: 80\n',
  'shared/labels.yaml': 'apiVersion: builtin\nkind: LabelTransformer\nmetadata:\n  name: l\nlabels:\n  from: plugin-file\nfieldSpecs:\n- path: metadata/labels\n  create: true\n',
  'shared/replacement.yaml': '- source:\n    kind: ConfigMap\n    name: cfg\n    fieldPath: metadata.name\n  targets:\n  - select:\n      kind: Deployment\n    fieldPaths:\n    - metadata.annotations.cfg\n    options:\n      create: true\n',
  'app/d.yaml': deploy('web'),
};

const both = (name: string, kustomization: string, error: RegExp, extra: Record<string, string> = {}): Scenario[] => {
  const files = { ...shared, ...extra, 'app/kustomization.yaml': kustomization };
  return [
    { name: `${name}: refused by kustomize's default load restriction`, files, dir: 'app', error },
    { name: `${name}: built with LoadRestrictionsNone, as Flux builds`, files, dir: 'app', loadRestrictor: 'none' },
  ];
};

export const scenarios: Scenario[] = [
  ...both('a configMapGenerator file beside the overlay', 'resources:\n- d.yaml\nconfigMapGenerator:\n- name: cfg\n  files:\n  - ../shared/app.properties\n', /not in or below/),
  ...both('a generator env file beside the overlay', 'resources:\n- d.yaml\nsecretGenerator:\n- name: env\n  envs:\n  - ../shared/settings.env\n', /not in or below/),
  ...both('a strategic merge patch file beside the overlay', 'resources:\n- d.yaml\npatches:\n- path: ../shared/replicas-patch.yaml\n', /not in or below/),
  ...both('a JSON 6902 patch file beside the overlay', 'resources:\n- d.yaml\npatches:\n- path: ../shared/json-patch.yaml\n  target:\n    kind: Deployment\n', /not in or below/),
  ...both('a plain resource file beside the overlay', 'resources:\n- d.yaml\n- ../shared/svc.yaml\n', /not in or below/),
  ...both('a transformer config file beside the overlay', 'resources:\n- d.yaml\ntransformers:\n- ../shared/labels.yaml\n', /not in or below/),
  ...both('a replacements file beside the overlay', 'resources:\n- d.yaml\nconfigMapGenerator:\n- name: cfg\n  literals:\n  - a=1\nreplacements:\n- path: ../shared/replacement.yaml\n', /not in or below/),
  {
    name: 'a base directory beside the overlay builds under either restriction',
    files: { ...shared, 'base/kustomization.yaml': 'resources:\n- ../shared/svc.yaml\n', 'app/kustomization.yaml': 'resources:\n- ../base\n' },
    dir: 'app',
    loadRestrictor: 'none',
  },
  {
    name: 'with LoadRestrictionsNone a missing file beside the overlay is still an error',
    files: { ...shared, 'app/kustomization.yaml': 'resources:\n- d.yaml\nconfigMapGenerator:\n- name: cfg\n  files:\n  - ../shared/missing.properties\n' },
    dir: 'app',
    loadRestrictor: 'none',
    error: /missing\.properties/,
  },
];
