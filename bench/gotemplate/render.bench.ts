/**
 * Render-time benchmark: a realistic set of 200 manifest templates (with shared helper templates,
 * ranges over maps and lists, printf, conditionals) over a large values tree, compiled once and
 * executed many times, by our engine and by Go's text/template (the oracle, same process run).
 *
 *   node --import tsx bench/gotemplate/render.bench.ts [rounds]
 *
 * Prints both times per round and the ratio ours/Go. Outputs of the first round must be equal.
 * The machine is shared, so measurements alternate between the two engines over several trials
 * and the fastest trial of each is compared.
 */
import { Template } from '../../engines/gotemplate/index.js';
import { Oracle, decodeData } from '../../test/gotemplate/oracle.js';

const SERVICES = 40;
const TEMPLATES = 200;
const rounds = Number(process.argv[2] ?? 20);
const TRIALS = Number(process.argv[3] ?? 5);

function values(): unknown {
  const services = Array.from({ length: SERVICES }, (_, i) => ({
    name: `svc-${i}`,
    image: `registry.example.com/team/app-${i}`,
    tag: `1.${i}.0`,
    replicas: (i % 5) + 1,
    enabled: i % 3 !== 0,
    ports: Array.from({ length: 3 }, (_, p) => ({ name: `p${p}`, port: 8000 + p, protocol: p === 2 ? 'UDP' : 'TCP' })),
    env: Object.fromEntries(Array.from({ length: 12 }, (_, e) => [`KEY_${e}`, e % 4 === 0 ? e * 1000000 : `value-${i}-${e}`])),
    labels: Object.fromEntries(Array.from({ length: 6 }, (_, l) => [`app.kubernetes.io/l${l}`, `v${l}`])),
    resources: { limits: { cpu: `${i % 4}00m`, memory: `${(i % 8) + 1}Gi` }, requests: { cpu: '100m', memory: '128Mi' } },
  }));
  return { services, global: { suffix: 'prod', annotations: { team: 'platform', tier: 'backend' } } };
}

const helpers = `{{- define "ports" }}
        ports:
{{- range .ports }}
        - name: {{ .name }}
          containerPort: {{ .port }}
          protocol: {{ .protocol }}
{{- end }}
{{- end }}
{{- define "resources" }}
          limits:
            cpu: {{ .limits.cpu | printf "%q" }}
            memory: {{ .limits.memory }}
          requests:
{{- range $k, $v := .requests }}
            {{ $k }}: {{ $v }}
{{- end }}
{{- end }}`;

function manifest(i: number): string {
  return `{{- with index .services ${i % SERVICES} }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ .name }}-{{ $.global.suffix }}-${i}
  annotations:
{{- range $k, $v := $.global.annotations }}
    {{ $k }}: {{ $v | printf "%q" }}
{{- end }}
  labels:
{{- range $k, $v := .labels }}
    {{ $k }}: {{ printf "%q" $v }}
{{- end }}
spec:
  replicas: {{ .replicas }}
  template:
    spec:
      containers:
      - name: {{ .name }}
        image: "{{ .image }}:{{ .tag }}"
        {{- template "ports" . }}
        env:
        {{- range $k, $v := .env }}
        - name: {{ $k }}
          value: {{ printf "%v" $v | js }}
        {{- end }}
        {{- if and .enabled (gt .replicas 1.0) }}
        resources:
        {{- template "resources" .resources }}
        {{- else }}
        resources: {}
        {{- end }}
{{- end }}
`;
}

async function main(): Promise<void> {
  const names = Array.from({ length: TEMPLATES }, (_, i) => `templates/m${i}.yaml`);
  const data = values();

  const t0 = performance.now();
  const root = new Template('helpers').parse(helpers);
  names.forEach((n, i) => root.new(n).parse(manifest(i)));
  const parseMs = performance.now() - t0;
  const goData = decodeData(JSON.parse(JSON.stringify(data)));
  const first = names.map((n) => root.executeTemplate(n, goData)).join('');
  for (let w = 0; w < 5; w++) for (const n of names) root.executeTemplate(n, goData);

  const oracle = new Oracle();
  try {
    const req = {
      mode: 'text' as const,
      name: 'helpers',
      template: helpers,
      templates: names.map((n, i) => ({ name: n, src: manifest(i) })),
      data,
      bench: { names, repeat: 5 },
    };
    const warm = await oracle.render(req);
    if (!warm.ok) throw new Error(warm.error);
    const same = warm.output === first;
    let oursMs = Infinity;
    let goMs = Infinity;
    for (let trial = 0; trial < TRIALS; trial++) {
      const start = performance.now();
      for (let r = 0; r < rounds; r++) for (const n of names) root.executeTemplate(n, goData);
      oursMs = Math.min(oursMs, (performance.now() - start) / rounds);
      const go = await oracle.render({ ...req, bench: { names, repeat: rounds } });
      if (!go.ok) throw new Error(go.error);
      goMs = Math.min(goMs, go.nanos / 1e6 / rounds);
    }
    console.log(
      JSON.stringify(
        {
          templates: TEMPLATES,
          outputBytes: first.length,
          rounds,
          trials: TRIALS,
          oursParseMs: Number(parseMs.toFixed(1)),
          oursMsPerRound: Number(oursMs.toFixed(2)),
          goMsPerRound: Number(goMs.toFixed(2)),
          ratio: Number((oursMs / goMs).toFixed(2)),
          outputsEqual: same,
        },
        null,
        1,
      ),
    );
    if (!same) process.exitCode = 1;
  } finally {
    oracle.close();
  }
}

await main();
