/** Helm engine cases: charts rendered by our engine and by Helm v3.19's. */
import type { ChartCase } from './harness.js';

const helpers = `{{- define "mychart.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- define "mychart.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}
{{- define "mychart.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/name: {{ include "mychart.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- if .Chart.AppVersion }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}
`;

const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "mychart.fullname" . }}
  labels:
    {{- include "mychart.labels" . | nindent 4 }}
spec:
  {{- if not .Values.autoscaling.enabled }}
  replicas: {{ .Values.replicaCount }}
  {{- end }}
  template:
    spec:
      {{- with .Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          imagePullPolicy: {{ .Values.image.pullPolicy }}
          resources:
            {{- toYaml .Values.resources | nindent 12 }}
          {{- with .Values.env }}
          env:
            {{- range $k, $v := . }}
            - name: {{ $k }}
              value: {{ $v | quote }}
            {{- end }}
          {{- end }}
`;

const values = `replicaCount: 1
image:
  repository: nginx
  pullPolicy: IfNotPresent
  tag: ""
imagePullSecrets: []
nameOverride: ""
fullnameOverride: ""
autoscaling:
  enabled: false
resources:
  limits:
    cpu: 100m
    memory: 128Mi
env:
  B: "yes"
  A: 1.5
  C: on
`;

export const chartCases: ChartCase[] = [
  {
    name: 'a scaffolded deployment with helpers renders as helm',
    templates: { 'templates/_helpers.tpl': helpers, 'templates/deployment.yaml': deployment },
    values,
    chart: { appVersion: '1.16.0' },
  },
  {
    name: 'user values override chart values and nulls delete keys',
    templates: { 'templates/_helpers.tpl': helpers, 'templates/deployment.yaml': deployment },
    values,
    userValues:
      'replicaCount: 3\nimage:\n  tag: "2.0"\nresources: null\nimagePullSecrets:\n- name: regcred\n',
    chart: { appVersion: '1.16.0' },
  },
  {
    name: 'toYaml of a values tree matches sigs.k8s.io/yaml',
    templates: { 'templates/v.yaml': '{{ toYaml .Values }}' },
    values:
      'a: yes\nb: [1, 2.5, 1e3, 1e21, -0.0]\nc: "on"\nd: |\n  x\n  y\ne: ""\nf: "a: b"\ng: "- x"\nh: "tab\\there"\nk10: 1\nk9: 2\nlong: ' +
      '"' +
      'word '.repeat(30) +
      '"' +
      '\nn: null\nm: {}\nl: []\nnested:\n  list:\n  - a: 1\n    b: [x, y]\n  - []\n  - {}\n',
  },
  {
    name: 'toYaml of scalars and strings',
    templates: {
      'templates/v.yaml':
        '{{ toYaml 1 }}|{{ toYaml "x" }}|{{ toYaml nil }}|{{ toYaml (list) }}|{{ toYaml "12:30" }}|{{ toYaml "0777" }}|{{ toYaml "~" }}|{{ toYaml "y" }}|{{ toYaml "1e3" }}|{{ toYaml " lead" }}|{{ toYaml "trail " }}|{{ toYaml "multi\\nline " }}|{{ toYaml "#x" }}|{{ toYaml "a #b" }}',
    },
  },
  {
    name: 'toJson and fromJson in helm',
    templates: {
      'templates/j.yaml':
        '{{ toJson .Values }}|{{ (fromJson "{\\"a\\":1}").a }}|{{ fromJson "[1]" }}|{{ fromJson "{bad" }}|{{ fromJsonArray "[1,\\"x\\"]" }}|{{ fromJsonArray "{}" }}|{{ fromJson "null" }}',
    },
    values: 'x: <tag>\ny: [1, 2]\n',
  },
  {
    name: 'fromYaml and fromYamlArray',
    templates: {
      'templates/y.yaml':
        '{{ $m := fromYaml "a: yes\\nb: 0777\\nc: [1, x]\\n" }}{{ $m.a }} {{ $m.b }} {{ $m.c }}|{{ fromYaml "- 1" }}|{{ fromYamlArray "- a\\n- 2" }}|{{ fromYamlArray "a: 1" }}|{{ fromYaml "" }}|{{ fromYaml "x" }}',
    },
  },
  {
    name: 'include passes a context and nindent indents it',
    templates: {
      'templates/_t.tpl': '{{ define "t" }}a: {{ .x }}\nb: {{ .y }}{{ end }}',
      'templates/c.yaml': 'data:{{ include "t" (dict "x" 1 "y" "two") | nindent 2 }}',
    },
  },
  {
    name: 'include of a missing template fails',
    templates: { 'templates/c.yaml': '{{ include "nope" . }}' },
  },
  {
    name: 'tpl renders a values string with the root context',
    templates: {
      'templates/c.yaml': '{{ tpl .Values.tmpl . }}|{{ tpl "{{ .Release.Name }}-{{ .Values.missing }}" . }}',
    },
    values: 'tmpl: "{{ .Values.name | upper }}"\nname: web\n',
  },
  {
    name: 'tpl can include templates',
    templates: {
      'templates/_h.tpl': '{{ define "h" }}H{{ . }}{{ end }}',
      'templates/c.yaml': '{{ tpl "{{ include \\"h\\" 1 }}" . }}',
    },
  },
  { name: 'tpl with a parse error', templates: { 'templates/c.yaml': '{{ tpl "{{ .x" . }}' } },
  {
    name: 'tpl with an execution error',
    templates: { 'templates/c.yaml': '{{ tpl "{{ fail \\"inner\\" }}" . }}' },
    errors: 'prefix',
  },
  {
    name: 'required fails with its message',
    templates: { 'templates/c.yaml': 'x: {{ required "a value is required!" .Values.missing }}' },
  },
  {
    name: 'required passes a present value',
    templates: { 'templates/c.yaml': 'x: {{ required "msg" .Values.v }} y: {{ required "msg" 0 }}' },
    values: 'v: hello\n',
  },
  {
    name: 'required of an empty string fails',
    templates: { 'templates/c.yaml': '{{ required "empty!" "" }}' },
  },
  {
    name: 'fail stops the render',
    templates: { 'templates/a.yaml': 'ok', 'templates/c.yaml': '{{ fail "stop here" }}' },
  },
  {
    name: 'missing values render as empty',
    templates: {
      'templates/c.yaml': 'a: {{ .Values.nope }} b: {{ .Values.a.b }} c: {{ index .Values "q" }}',
    },
    values: 'a: {}\n',
  },
  {
    name: 'strict mode fails on missing keys',
    templates: { 'templates/c.yaml': 'a: {{ .Values.nope }}' },
    strict: true,
  },
  {
    name: 'partials are not rendered and NOTES.txt is',
    templates: {
      'templates/_p.tpl': 'partial',
      'templates/NOTES.txt': 'Thanks {{ .Release.Name }}',
      'templates/sub/x.yaml': 'deep',
    },
  },
  {
    name: 'Release and Chart objects',
    templates: {
      'templates/c.yaml':
        '{{ .Release.Name }} {{ .Release.Namespace }} {{ .Release.Revision }} {{ .Release.IsInstall }} {{ .Release.IsUpgrade }} {{ .Release.Service }} {{ .Chart.Name }} {{ .Chart.Version }} {{ .Chart.AppVersion }} {{ .Chart.IsRoot }} {{ .Chart.Description }} {{ typeOf .Release.Revision }}',
    },
    chart: { appVersion: '1.2.3', description: 'demo' },
    release: { name: 'rel', namespace: 'prod', revision: 4, isUpgrade: true, isInstall: false },
  },
  {
    name: 'Template object',
    templates: { 'templates/a/b.yaml': '{{ .Template.Name }} {{ .Template.BasePath }} {{ .Template }}' },
  },
  {
    name: 'Capabilities',
    templates: {
      'templates/c.yaml':
        '{{ .Capabilities.KubeVersion }} {{ .Capabilities.KubeVersion.Version }} {{ .Capabilities.KubeVersion.Major }} {{ .Capabilities.KubeVersion.Minor }} {{ .Capabilities.KubeVersion.GitVersion }} {{ .Capabilities.APIVersions.Has "apps/v1" }} {{ .Capabilities.APIVersions.Has "foo/v1" }} {{ .Capabilities.APIVersions.Has "monitoring.coreos.com/v1" }} {{ semverCompare ">=1.25-0" .Capabilities.KubeVersion.GitVersion }}',
    },
    kubeVersion: 'v1.31.2',
    apiVersions: ['monitoring.coreos.com/v1'],
  },
  {
    name: 'default Capabilities',
    templates: {
      'templates/c.yaml':
        '{{ .Capabilities.KubeVersion }} {{ .Capabilities.APIVersions.Has "batch/v1" }} {{ .Capabilities.APIVersions.Has "apps/v1/Deployment" }} {{ len .Capabilities.APIVersions }}',
    },
  },
  {
    name: 'Files object',
    templates: {
      'templates/c.yaml':
        '{{ .Files.Get "config/a.txt" }}|{{ .Files.Get "nope" }}|{{ range .Files.Lines "config/b.txt" }}[{{ . }}]{{ end }}|{{ (.Files.Glob "config/*").AsConfig }}|{{ (.Files.Glob "config/*.txt").AsSecrets }}|{{ range $p, $_ := .Files.Glob "**.json" }}{{ $p }} {{ end }}|{{ .Files.GetBytes "config/a.txt" | len }}',
    },
    files: {
      'config/a.txt': 'hello\n',
      'config/b.txt': 'l1\nl2\n',
      'config/c.json': '{"x": 1}',
      'data/d.json': '[]',
    },
  },
  {
    name: 'values types are Go types',
    templates: {
      'templates/c.yaml':
        '{{ typeOf .Values }} {{ typeOf .Values.n }} {{ typeOf .Values.m }} {{ typeOf .Values.l }} {{ .Values.n }} {{ .Values.big }} {{ .Values.f }} {{ kindOf .Values }}',
    },
    values: 'n: 3\nm: {a: 1}\nl: [1]\nbig: 1000000\nf: 1.5e-7\n',
  },
  {
    name: 'lookup without a cluster is an empty map',
    templates: {
      'templates/c.yaml':
        '{{ lookup "v1" "Secret" "ns" "name" }} {{ lookup "v1" "Secret" "ns" "name" | len }}',
    },
  },
  {
    name: 'getHostByName is disabled',
    templates: { 'templates/c.yaml': '[{{ getHostByName "example.com" }}]' },
  },
  {
    name: 'env is not available in helm',
    templates: { 'templates/c.yaml': '{{ env "HOME" }}' },
    errors: 'prefix',
  },
  { name: 'parse errors name the file', templates: { 'templates/c.yaml': '{{ if }}' } },
  { name: 'parse error for an unclosed action', templates: { 'templates/c.yaml': 'a {{ .Values' } },
  {
    name: 'execution errors name the file',
    templates: { 'templates/c.yaml': '{{ index .Values.l 5 }}' },
    values: 'l: [1]\n',
  },
  {
    name: 'Values methods',
    templates: {
      'templates/c.yaml': '{{ .Values.YAML }}|{{ (.Values.Table "a").b }}|{{ .Values.AsMap | len }}',
    },
    values: 'a:\n  b: x\nc: [1]\n',
  },
  {
    name: 'library charts render nothing but their partials',
    templates: {
      'templates/_lib.tpl': '{{ define "lib" }}L{{ end }}',
      'templates/x.yaml': 'should not render',
    },
    chart: { type: 'library' },
  },
  {
    name: 'range over values maps in key order and toYaml of each',
    templates: {
      'templates/c.yaml':
        '{{- range $name, $cfg := .Values.services }}\n---\nname: {{ $name }}\n{{- toYaml $cfg | nindent 0 }}\n{{- end }}',
    },
    values:
      'services:\n  zeta: {port: 80, enabled: true}\n  alpha: {port: 8080, tags: [a, b], note: "yes"}\n',
  },
  {
    name: 'printf and numbers from values',
    templates: {
      'templates/c.yaml':
        '{{ printf "%d %v %s %.2f" (int .Values.n) .Values.n (toString .Values.n) .Values.f }} {{ .Values.n | add 1 }} {{ mul .Values.n 2 }}',
    },
    values: 'n: 8080\nf: 0.125\n',
  },
  {
    name: 'b64enc of a values map via toJson',
    templates: { 'templates/s.yaml': 'data:\n  config.json: {{ .Values.cfg | toJson | b64enc }}' },
    values: 'cfg: {a: "<x>", b: [1, 2]}\n',
  },
  {
    name: 'genCA in a chart',
    templates: {
      'templates/s.yaml': '{{ $ca := genCA "ca" 365 }}{{ hasPrefix "-----BEGIN CERTIFICATE-----" $ca.Cert }}',
    },
  },
  {
    name: 'randAlphaNum in a chart has the right shape',
    templates: { 'templates/s.yaml': 'pw: {{ randAlphaNum 16 }}' },
    compare: (a, b) => /^pw: [A-Za-z0-9]{16}$/.test(a) && /^pw: [A-Za-z0-9]{16}$/.test(b),
  },
  // Go reaches Helm's limit (1001 nested includes: "rendering template has a nested reference name";
  // text/template's depth counts only {{template}} calls within one execution). Ours runs out of JS
  // stack after ~520 nested includes and fails with "nesting too deep to execute": both end with an error.
  {
    name: 'deep include recursion ends with an error',
    templates: {
      'templates/_r.tpl': '{{ define "r" }}{{ include "r" . }}{{ end }}',
      'templates/c.yaml': '{{ include "r" . }}',
    },
    errors: 'fails',
  },
  {
    name: 'fromToml of a small document',
    templates: { 'templates/c.yaml': '{{ fromToml "a = 1\\nb = \\"x\\"" }}' },
  },
];
