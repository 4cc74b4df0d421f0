/** Kubernetes label selector strings (`a=b,c!=d,e in (x,y),!f`) matched against a string map. */
export function matchesSelector(values: Record<string, string>, selector: string): boolean {
  for (const term of selector.split(/,(?![^(]*\))/).map((s) => s.trim()).filter(Boolean)) {
    let m: RegExpExecArray | null;
    if ((m = /^([^!=\s]+)\s*(==|=|!=)\s*(.*)$/.exec(term))) {
      const has = m[1] as string in values && values[m[1] as string] === m[3];
      if ((m[2] === '!=') === has) return false;
    } else if ((m = /^([^\s]+)\s+(in|notin)\s+\((.*)\)$/.exec(term))) {
      const set = (m[3] as string).split(',').map((s) => s.trim());
      const v = values[m[1] as string];
      const inSet = v !== undefined && set.includes(v);
      if ((m[2] === 'in') !== inSet) return false;
    } else if (term.startsWith('!')) {
      if (term.slice(1) in values) return false;
    } else if (!(term in values)) return false;
  }
  return true;
}
