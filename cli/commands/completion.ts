/**
 * `sluice completion bash|zsh|fish`: shell completion scripts generated from the command tree.
 */
import type { Command, Option } from 'commander';

interface Node {
  readonly path: string[];
  readonly subcommands: string[];
  readonly flags: string[];
}

function walk(cmd: Command, path: string[], out: Node[]): void {
  const flags = cmd.options.flatMap((o: Option) => [o.long, o.short].filter((f): f is string => Boolean(f)));
  out.push({ path, subcommands: cmd.commands.map((c) => c.name()), flags: [...flags, '--help'] });
  for (const c of cmd.commands) walk(c, [...path, c.name()], out);
}

function bash(nodes: readonly Node[]): string {
  const cases = nodes
    .map((n) => `    "${n.path.join(' ')}") words_="${[...n.subcommands, ...n.flags].join(' ')}" ;;`)
    .join('\n');
  return `# bash completion for sluice; source it: source <(sluice completion bash)
_sluice() {
  local cur path_="" words_="" i w
  cur="\${COMP_WORDS[COMP_CWORD]}"
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    [[ "$w" == -* ]] && continue
    case " $(_sluice_children "$path_") " in *" $w "*) path_="\${path_:+$path_ }$w" ;; esac
  done
  words_="$(_sluice_children "$path_")"
  COMPREPLY=($(compgen -W "$words_" -- "$cur"))
}
_sluice_children() {
  local words_=""
  case "$1" in
${cases}
  esac
  echo "$words_"
}
complete -F _sluice sluice
`;
}

function zsh(nodes: readonly Node[]): string {
  return `#compdef sluice
# zsh completion for sluice; source it: source <(sluice completion zsh)
autoload -U +X bashcompinit && bashcompinit
${bash(nodes)}`;
}

function fish(nodes: readonly Node[]): string {
  const lines = ['# fish completion for sluice; sluice completion fish | source', 'complete -c sluice -f'];
  for (const n of nodes) {
    const cond =
      n.path.length === 0
        ? '__fish_use_subcommand'
        : `__fish_seen_subcommand_from ${n.path[n.path.length - 1]}`;
    for (const s of n.subcommands) lines.push(`complete -c sluice -n '${cond}' -a '${s}'`);
    for (const f of n.flags.filter((x) => x.startsWith('--')))
      lines.push(`complete -c sluice -n '${cond}' -l '${f.slice(2)}'`);
  }
  return lines.join('\n') + '\n';
}

export function completionScript(root: Command, shell: string): string {
  const nodes: Node[] = [];
  walk(root, [], nodes);
  if (shell === 'bash') return bash(nodes);
  if (shell === 'zsh') return zsh(nodes);
  if (shell === 'fish') return fish(nodes);
  throw new Error(`unsupported shell '${shell}': use bash, zsh or fish`);
}

export function register(program: Command): void {
  program
    .command('completion')
    .description('print a shell completion script')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText(
      'after',
      '\nExamples:\n  source <(sluice completion bash)\n  sluice completion fish | source\n',
    )
    .action((shell: string) => {
      process.stdout.write(completionScript(program, shell));
    });
}
