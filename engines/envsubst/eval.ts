/**
 * Evaluation of a parsed envsubst template against a variable lookup. Arguments are evaluated before
 * the variable itself (so a missing variable inside a default is reported even when the default is
 * not used), exactly as fluxcd/pkg/envsubst v1.5.0 does.
 */
import { VariableNotSetError } from './errors.js';
import { lookupFunc } from './funcs.js';
import { type Node, parse } from './parse.js';

/** Returns the value of a variable and whether it exists (non-strict lookups always "exist"). */
export type Mapping = (name: string) => { value: string; exists: boolean };

export function execute(root: Node, mapping: Mapping): string {
  const out: string[] = [];
  evalNode(root, mapping, out);
  return out.join('');
}

function evalNode(node: Node, mapping: Mapping, out: string[]): void {
  switch (node.type) {
    case 'text':
      out.push(node.value);
      return;
    case 'list':
      for (const n of node.nodes) evalNode(n, mapping, out);
      return;
    case 'func': {
      const args = node.args.map((a) => {
        const buf: string[] = [];
        evalNode(a, mapping, buf);
        return buf.join('');
      });
      const { value, exists } = mapping(node.param);
      // Only a bare ${var} is an error in strict mode; every operator form (defaults, ${#var},
      // ${var^^}, …) tolerates an unset variable in fluxcd/pkg/envsubst v1.5.0.
      if (node.name === '' && !exists) throw new VariableNotSetError(node.param);
      out.push(lookupFunc(node.name, args.length)(value, args));
      return;
    }
  }
}

/** Parses and evaluates `template`; throws EnvsubstParseError or VariableNotSetError. */
export function evaluate(template: string, mapping: Mapping): string {
  return execute(parse(template), mapping);
}

/** The mapping Flux builds from the variables: strict reports absent names as unset. */
export function mappingFor(vars: ReadonlyMap<string, string>, strict: boolean): Mapping {
  return (name) => {
    const value = vars.get(name);
    if (value === undefined) return { value: '', exists: !strict };
    return { value, exists: true };
  };
}
