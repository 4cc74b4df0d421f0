// Command gotemplate-oracle renders Go templates with the real text/template, Sprig v3 and Helm's
// engine, for the differential tests of engines/gotemplate (the product never runs it).
//
// Input: one JSON request on stdin (or, with -batch, one request per line); output: one JSON
// response per request on stdout. See test/gotemplate/oracle.ts for the request format.
package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"text/template"
	"time"

	"github.com/Masterminds/sprig/v3"
	"helm.sh/helm/v3/pkg/chart"
	"helm.sh/helm/v3/pkg/chartutil"
	"helm.sh/helm/v3/pkg/engine"
	"sigs.k8s.io/yaml"
)

type namedSrc struct {
	Name string `json:"name"`
	Src  string `json:"src"`
}

type helmRelease struct {
	Name      string `json:"name"`
	Namespace string `json:"namespace"`
	Revision  int    `json:"revision"`
	IsUpgrade bool   `json:"isUpgrade"`
	IsInstall bool   `json:"isInstall"`
}

type helmReq struct {
	Chart       chart.Metadata    `json:"chart"`
	Templates   map[string]string `json:"templates"`
	Files       map[string]string `json:"files"`
	ValuesYAML  string            `json:"valuesYaml"`
	UserValues  string            `json:"userValuesYaml"`
	Release     helmRelease       `json:"release"`
	KubeVersion string            `json:"kubeVersion"`
	APIVersions []string          `json:"apiVersions"`
	Strict      bool              `json:"strict"`
	LintMode    bool              `json:"lintMode"`
}

type request struct {
	Mode      string          `json:"mode"` // "text" (builtins only), "sprig", "helm"
	Name      string          `json:"name"`
	Template  string          `json:"template"`
	Templates []namedSrc      `json:"templates"` // parsed after Template, each with t.New(name).Parse
	Execute   string          `json:"execute"`   // template to execute; default Name
	Data      json.RawMessage `json:"data"`
	Options   []string        `json:"options"`
	Delims    []string        `json:"delims"`
	Helm      *helmReq        `json:"helm"`
	// Bench: after parsing once, execute each named template Repeat times; Nanos is execution time
	// only and Output the concatenated output of the first round.
	Bench *benchReq `json:"bench"`
}

type benchReq struct {
	Names  []string `json:"names"`
	Repeat int      `json:"repeat"`
}

type response struct {
	Ok      bool              `json:"ok"`
	Output  string            `json:"output,omitempty"`
	Outputs map[string]string `json:"outputs,omitempty"`
	Error   string            `json:"error,omitempty"`
	Phase   string            `json:"phase,omitempty"` // "parse" or "exec"
	Nanos   int64             `json:"nanos"`
}

// decodeData turns request JSON into template data: numbers are float64 (as Helm's values), and
// single-key objects {"$int": n}, {"$int64": n}, {"$uint8": n}, {"$float32": n}, {"$strings": [...]},
// {"$bytes": "base64"}, {"$intslice": [...]} make typed Go values.
func decodeData(raw json.RawMessage) (interface{}, error) {
	if len(raw) == 0 {
		return nil, nil
	}
	var v interface{}
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, err
	}
	return typed(v), nil
}

func typed(v interface{}) interface{} {
	switch x := v.(type) {
	case []interface{}:
		for i := range x {
			x[i] = typed(x[i])
		}
		return x
	case map[string]interface{}:
		if len(x) == 1 {
			for k, e := range x {
				switch k {
				case "$int":
					return int(e.(float64))
				case "$int64":
					return int64(e.(float64))
				case "$uint8":
					return uint8(e.(float64))
				case "$float32":
					return float32(e.(float64))
				case "$strings":
					out := []string{}
					for _, s := range e.([]interface{}) {
						out = append(out, s.(string))
					}
					return out
				case "$intslice":
					out := []int{}
					for _, s := range e.([]interface{}) {
						out = append(out, int(s.(float64)))
					}
					return out
				case "$bytes":
					b, _ := base64.StdEncoding.DecodeString(e.(string))
					return b
				case "$stringmap":
					out := map[string]string{}
					for mk, mv := range e.(map[string]interface{}) {
						out[mk] = mv.(string)
					}
					return out
				}
			}
		}
		for k := range x {
			x[k] = typed(x[k])
		}
		return x
	}
	return v
}

func funcs(mode string) template.FuncMap {
	if mode == "sprig" {
		return sprig.TxtFuncMap()
	}
	return template.FuncMap{}
}

func render(req *request) (resp response) {
	start := time.Now()
	defer func() {
		if resp.Nanos == 0 {
			resp.Nanos = time.Since(start).Nanoseconds()
		}
		if r := recover(); r != nil {
			resp = response{Error: fmt.Sprintf("panic: %v", r), Phase: "exec"}
		}
	}()
	if req.Mode == "helm" {
		return renderHelm(req.Helm)
	}
	name := req.Name
	if name == "" {
		name = "t"
	}
	t := template.New(name)
	if len(req.Delims) == 2 {
		t.Delims(req.Delims[0], req.Delims[1])
	}
	t.Funcs(funcs(req.Mode))
	if len(req.Options) > 0 {
		t.Option(req.Options...)
	}
	if _, err := t.Parse(req.Template); err != nil {
		return response{Error: err.Error(), Phase: "parse"}
	}
	for _, s := range req.Templates {
		if _, err := t.New(s.Name).Parse(s.Src); err != nil {
			return response{Error: err.Error(), Phase: "parse"}
		}
	}
	data, err := decodeData(req.Data)
	if err != nil {
		return response{Error: "bad data: " + err.Error(), Phase: "request"}
	}
	if req.Bench != nil {
		return runBench(t, req.Bench, data)
	}
	var buf bytes.Buffer
	exec := req.Execute
	if exec == "" {
		exec = name
	}
	if err := t.ExecuteTemplate(&buf, exec, data); err != nil {
		return response{Error: err.Error(), Phase: "exec", Output: buf.String()}
	}
	return response{Ok: true, Output: buf.String()}
}

func runBench(t *template.Template, b *benchReq, data interface{}) response {
	var first bytes.Buffer
	start := time.Now()
	for i := 0; i < b.Repeat; i++ {
		for _, n := range b.Names {
			var buf bytes.Buffer
			if err := t.ExecuteTemplate(&buf, n, data); err != nil {
				return response{Error: err.Error(), Phase: "exec"}
			}
			if i == 0 {
				first.Write(buf.Bytes())
			}
		}
	}
	return response{Ok: true, Output: first.String(), Nanos: time.Since(start).Nanoseconds()}
}

func renderHelm(h *helmReq) response {
	if h == nil {
		return response{Error: "helm mode needs a helm request", Phase: "request"}
	}
	md := h.Chart
	if md.APIVersion == "" {
		md.APIVersion = chart.APIVersionV2
	}
	c := &chart.Chart{Metadata: &md}
	names := make([]string, 0, len(h.Templates))
	for n := range h.Templates {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		c.Templates = append(c.Templates, &chart.File{Name: n, Data: []byte(h.Templates[n])})
	}
	fnames := make([]string, 0, len(h.Files))
	for n := range h.Files {
		fnames = append(fnames, n)
	}
	sort.Strings(fnames)
	for _, n := range fnames {
		c.Files = append(c.Files, &chart.File{Name: n, Data: []byte(h.Files[n])})
	}
	vals := map[string]interface{}{}
	if h.ValuesYAML != "" {
		if err := yaml.Unmarshal([]byte(h.ValuesYAML), &vals); err != nil {
			return response{Error: err.Error(), Phase: "values"}
		}
	}
	c.Values = vals
	user := map[string]interface{}{}
	if h.UserValues != "" {
		if err := yaml.Unmarshal([]byte(h.UserValues), &user); err != nil {
			return response{Error: err.Error(), Phase: "values"}
		}
	}
	caps := chartutil.DefaultCapabilities.Copy()
	if h.KubeVersion != "" {
		kv, err := chartutil.ParseKubeVersion(h.KubeVersion)
		if err != nil {
			return response{Error: err.Error(), Phase: "values"}
		}
		caps.KubeVersion = *kv
	}
	if len(h.APIVersions) > 0 {
		caps.APIVersions = append(caps.APIVersions, h.APIVersions...)
	}
	rel := h.Release
	if rel.Name == "" {
		rel.Name = "release-name"
	}
	opts := chartutil.ReleaseOptions{Name: rel.Name, Namespace: rel.Namespace, Revision: rel.Revision, IsUpgrade: rel.IsUpgrade, IsInstall: rel.IsInstall}
	rv, err := chartutil.ToRenderValues(c, user, opts, caps)
	if err != nil {
		return response{Error: err.Error(), Phase: "values"}
	}
	e := engine.Engine{Strict: h.Strict, LintMode: h.LintMode}
	out, err := e.Render(c, rv)
	if err != nil {
		return response{Error: err.Error(), Phase: "exec"}
	}
	return response{Ok: true, Outputs: out}
}

func main() {
	batch := len(os.Args) > 1 && os.Args[1] == "-batch"
	enc := json.NewEncoder(os.Stdout)
	enc.SetEscapeHTML(false)
	if !batch {
		in, err := io.ReadAll(os.Stdin)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		var req request
		if err := json.Unmarshal(in, &req); err != nil {
			fmt.Fprintln(os.Stderr, "bad request:", err)
			os.Exit(2)
		}
		_ = enc.Encode(render(&req))
		return
	}
	sc := bufio.NewReader(os.Stdin)
	w := bufio.NewWriter(os.Stdout)
	enc = json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for {
		line, err := sc.ReadString('\n')
		if strings.TrimSpace(line) != "" {
			var req request
			if jerr := json.Unmarshal([]byte(line), &req); jerr != nil {
				_ = enc.Encode(response{Error: "bad request: " + jerr.Error(), Phase: "request"})
			} else {
				_ = enc.Encode(render(&req))
			}
			_ = w.Flush()
		}
		if err != nil {
			break
		}
	}
}
