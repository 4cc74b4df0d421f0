/** renderChartTemplates on its own: hostile templates end with an error, NOTES handling, subcharts. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coalesceValues, renderChartTemplates, splitNotes, sortTemplates } from '../../engines/helm/index.js';
import type { HelmChart } from '../../engines/helm/index.js';
import type { GoMap } from '../../engines/gotemplate/value.js';
import { unmarshalYAMLv2Object } from '../../engines/yaml/go-yaml-v2-unmarshal.js';

const release = { name: 'rel', namespace: 'ns' };

function chart(
  templates: Record<string, string>,
  values = '',
  deps: HelmChart[] = [],
): HelmChart & { values: GoMap } {
  return {
    metadata: { name: 'c', version: '1.0.0', apiVersion: 'v2' },
    templates: Object.entries(templates).map(([name, data]) => ({ name, data })),
    values: unmarshalYAMLv2Object(values) as GoMap,
    dependencies: deps,
  };
}

function render(c: HelmChart & { values: GoMap }, user = ''): Record<string, string> {
  return renderChartTemplates(c, coalesceValues(c, unmarshalYAMLv2Object(user) as GoMap), {
    release,
    limits: { maxSteps: 2_000_000 },
  });
}

test('tpl that renders itself forever ends with an error, not a hang or a crash', () => {
  const c = chart({ 'templates/x.yaml': '{{ tpl .Values.t . }}' }, 't: "{{ tpl .Values.t . }}"\n');
  const start = Date.now();
  assert.throws(() => render(c));
  assert.ok(Date.now() - start < 60_000);
});

test('include that includes itself ends with an error', () => {
  const c = chart({
    'templates/_r.tpl': '{{ define "r" }}{{ include "r" . }}{{ end }}',
    'templates/x.yaml': '{{ include "r" . }}',
  });
  assert.throws(() => render(c), /error calling include/);
});

test('a huge nested range ends with the step limit', () => {
  const c = chart({
    'templates/x.yaml': '{{ range until 10000 }}{{ range until 10000 }}x{{ end }}{{ end }}',
  });
  const start = Date.now();
  assert.throws(() => render(c));
  assert.ok(Date.now() - start < 60_000);
});

test('a list too large to build ends with an error instead of exhausting memory', () => {
  const c = chart({ 'templates/x.yaml': '{{ range until 1000000000 }}x{{ end }}' });
  assert.throws(() => render(c), /more than 10000000 elements/);
});

test('NOTES.txt of the root chart is split from the manifests; subchart notes only on request', () => {
  const sub = chart({ 'templates/NOTES.txt': 'sub notes', 'templates/s.yaml': 's: 1' });
  const root = chart(
    { 'templates/NOTES.txt': 'root notes {{ .Release.Name }}', 'templates/a.yaml': 'a: 1' },
    '',
    [{ ...sub, metadata: { ...sub.metadata, name: 'sub' } }],
  );
  const out = render(root);
  assert.deepEqual(Object.keys(out).sort(), [
    'c/charts/sub/templates/NOTES.txt',
    'c/charts/sub/templates/s.yaml',
    'c/templates/NOTES.txt',
    'c/templates/a.yaml',
  ]);
  const split = splitNotes(out, 'c');
  assert.equal(split.notes, 'root notes rel');
  assert.deepEqual(Object.keys(split.manifests).sort(), [
    'c/charts/sub/templates/s.yaml',
    'c/templates/a.yaml',
  ]);
  assert.equal(splitNotes(out, 'c', true).notes.split('\n').sort().join('|'), 'root notes rel|sub notes');
});

test('subcharts see their own values, parent globals and their own Chart object', () => {
  const sub: HelmChart & { values: GoMap } = {
    ...chart(
      {
        'templates/s.yaml':
          '{{ .Values.port }} {{ .Values.global.env }} {{ .Chart.Name }} {{ .Chart.IsRoot }} {{ .Template.BasePath }}',
      },
      'port: 80\n',
    ),
    metadata: { name: 'sub', version: '0.1.0' },
  };
  const root = chart(
    { 'templates/a.yaml': '{{ .Values.sub.port }} {{ .Subcharts.sub.Values.port }}' },
    'global:\n  env: prod\nsub:\n  port: 8080\n',
    [sub],
  );
  const out = render(root);
  assert.equal(out['c/charts/sub/templates/s.yaml'], '8080 prod sub false c/charts/sub/templates');
  assert.equal(out['c/templates/a.yaml'], '8080 8080');
});

test('templates are parsed deepest path first, then in reverse name order', () => {
  assert.deepEqual(
    sortTemplates([
      'c/templates/a.yaml',
      'c/templates/b.yaml',
      'c/charts/s/templates/x.yaml',
      'c/templates/_h.tpl',
    ]),
    ['c/charts/s/templates/x.yaml', 'c/templates/b.yaml', 'c/templates/a.yaml', 'c/templates/_h.tpl'],
  );
});

test('a later define of the same name wins the way Helm parses them', () => {
  const c = chart({
    'templates/_a.tpl': '{{ define "x" }}A{{ end }}',
    'templates/_b.tpl': '{{ define "x" }}B{{ end }}',
    'templates/t.yaml': '{{ template "x" }}',
  });
  // Parse order is _b.tpl before _a.tpl (reverse lexical), so _a.tpl's definition is the last one.
  assert.equal(render(c)['c/templates/t.yaml'], 'A');
});

test('values decoded from the same text are fresh maps each time: a template that sets a value does not leak into the next decode', () => {
  const text = 'a:\n  b: original\nlist: [1, 2]\n';
  const first = chart({ 'templates/x.yaml': '{{ $_ := set .Values.a "b" "changed" }}{{ .Values.a.b }}' }, text);
  assert.deepEqual(render(first), { 'c/templates/x.yaml': 'changed' });
  const second = chart({ 'templates/x.yaml': '{{ .Values.a.b }} {{ .Values.list }}' }, text);
  assert.deepEqual(render(second), { 'c/templates/x.yaml': 'original [1 2]' });
  const x = unmarshalYAMLv2Object(text) as GoMap;
  const y = unmarshalYAMLv2Object(text) as GoMap;
  assert.notEqual(x.get('a'), y.get('a'));
  assert.notEqual(x.get('list'), y.get('list'));
});
