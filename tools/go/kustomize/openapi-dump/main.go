// Command openapi-dump prints, as JSON, the parts of kustomize's builtin Kubernetes OpenAPI schema
// (kyaml/openapi, Kubernetes v1.21.2) that strategic merge patches use: per definition, each
// property's $ref, whether it is a list, its x-kubernetes-patch-merge-key/-strategy and (with a strategy)
// x-kubernetes-list-map-keys, plus the
// group/version/kind → definition index. Used to generate engines/kustomize/data/patch-schema.ts.
package main

import (
	"encoding/json"
	"os"
	"strings"

	"sigs.k8s.io/kustomize/kyaml/openapi"
)

type prop struct {
	Ref      string `json:"r,omitempty"`
	List     bool   `json:"l,omitempty"`
	Map      bool   `json:"m,omitempty"`
	Key      string `json:"k,omitempty"`
	Strategy string `json:"s,omitempty"`
	// x-kubernetes-list-map-keys when it names several keys (kyaml merges by all of them; one key is Key)
	Keys []string `json:"ks,omitempty"`
}

func refName(s string) string { return strings.TrimPrefix(s, "#/definitions/") }

func main() {
	s := openapi.Schema()
	defs := map[string]map[string]prop{}
	gvks := map[string]string{}
	for name, d := range s.Definitions {
		props := map[string]prop{}
		for pn, p := range d.Properties {
			var out prop
			if p.Ref.String() != "" {
				out.Ref = refName(p.Ref.String())
			}
			if p.Type.Contains("array") {
				out.List = true
				if p.Items != nil && p.Items.Schema != nil && p.Items.Schema.Ref.String() != "" {
					out.Ref = refName(p.Items.Schema.Ref.String())
				}
			}
			if p.Type.Contains("object") && p.AdditionalProperties != nil && p.AdditionalProperties.Schema != nil {
				out.Map = true
				if r := p.AdditionalProperties.Schema.Ref.String(); r != "" {
					out.Ref = refName(r)
				}
			}
			if v, ok := p.Extensions.GetString("x-kubernetes-patch-merge-key"); ok {
				out.Key = v
			}
			if v, ok := p.Extensions.GetString("x-kubernetes-patch-strategy"); ok {
				out.Strategy = v
			}
			if ks, ok := p.Extensions.GetStringSlice("x-kubernetes-list-map-keys"); ok && out.Strategy != "" {
				if len(ks) == 1 {
					out.Key = ks[0]
				} else if len(ks) > 1 {
					out.Keys = ks
				}
			}
			if out.Ref != "" || out.List || out.Map || out.Key != "" || out.Strategy != "" || len(out.Keys) > 0 {
				props[pn] = out
			}
		}
		if len(props) > 0 {
			defs[name] = props
		}
		if raw, ok := d.Extensions["x-kubernetes-group-version-kind"]; ok {
			if list, ok := raw.([]interface{}); ok {
				for _, item := range list {
					if m, ok := item.(map[string]interface{}); ok {
						g, _ := m["group"].(string)
						v, _ := m["version"].(string)
						k, _ := m["kind"].(string)
						gvks[g+"/"+v+"/"+k] = name
					}
				}
			}
		}
	}
	enc := json.NewEncoder(os.Stdout)
	_ = enc.Encode(map[string]interface{}{"definitions": defs, "gvk": gvks})
}
