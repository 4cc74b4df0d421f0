/** Scenarios for `vars` (deprecated but widely used). */
import { deploy, type Scenario, svc } from './fixtures.js';

const withArgs = (args: string): string =>
  deploy('web').replace('        image: nginx:1.25\n', `        image: nginx:1.25\n        args: ${args}\n        env:\n        - name: SVC\n          value: $(SVC_NAME)\n        - name: PORT\n          value: "$(SVC_PORT)"\n`);

const k = (name: string, kustomization: string, extra: Record<string, string> = {}, error?: RegExp): Scenario => ({
  name,
  files: {
    'kustomization.yaml': `resources:\n- d.yaml\n- s.yaml\n${kustomization}`,
    'd.yaml': withArgs('["--svc=$(SVC_NAME)", "--port=$(SVC_PORT)", "$(UNKNOWN)", "$$(SVC_NAME)"]'),
    's.yaml': svc('web'),
    ...extra,
  },
  error,
});

const svcVars = `vars:
- name: SVC_NAME
  objref:
    kind: Service
    name: web
    apiVersion: v1
- name: SVC_PORT
  objref:
    kind: Service
    name: web
    apiVersion: v1
  fieldref:
    fieldpath: spec.ports[0].port
`;

export const scenarios: Scenario[] = [
  k('vars substitute a Service name and port into args and env', svcVars),
  k('vars see the final name after namePrefix', `namePrefix: p-\n${svcVars}`),
  k('a var whose field is a whole env value keeps the number type', svcVars, {
    'd.yaml': withArgs('[]').replace('value: "$(SVC_PORT)"', 'value: $(SVC_PORT)'),
  }),
  k('a var naming a missing resource is an error', 'vars:\n- name: X\n  objref:\n    kind: Service\n    name: nope\n    apiVersion: v1\n', {}, /cannot be mapped/),
  k('a var with a missing field is an error', 'vars:\n- name: X\n  objref:\n    kind: Service\n    name: web\n    apiVersion: v1\n  fieldref:\n    fieldpath: spec.nothing\n', {}, /not found in corresponding resource/),
  k('a var defined twice is an error', `${svcVars}- name: SVC_NAME\n  objref:\n    kind: Deployment\n    name: web\n    apiVersion: apps/v1\n`, {}, /already encountered/),
  k('a var without apiVersion in objref does not match', 'vars:\n- name: X\n  objref:\n    kind: Service\n    name: web\n', {}, /cannot be mapped/),
  {
    name: 'vars defined in a base resolve with the overlay names and generator hashes',
    dir: 'overlay',
    files: {
      'base/kustomization.yaml': 'resources:\n- d.yaml\nconfigMapGenerator:\n- name: cfg\n  literals: [a=1]\nvars:\n- name: CFG\n  objref:\n    kind: ConfigMap\n    name: cfg\n    apiVersion: v1\n',
      'base/d.yaml': deploy('web').replace('        image: nginx:1.25\n', '        image: nginx:1.25\n        command: ["run", "--config=$(CFG)"]\n'),
      'overlay/kustomization.yaml': 'namePrefix: o-\nnamespace: prod\nresources:\n- ../base\n',
    },
  },
  {
    name: 'a var in an Ingress host and a ConfigMap data value',
    files: {
      'kustomization.yaml': 'resources:\n- r.yaml\nvars:\n- name: NS\n  objref:\n    kind: ConfigMap\n    name: settings\n    apiVersion: v1\n  fieldref:\n    fieldpath: data.domain\n',
      'r.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  domain: example.org\n  url: https://$(NS)/x\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: i\nspec:\n  rules:\n  - host: app.$(NS)\n',
    },
  },
];
