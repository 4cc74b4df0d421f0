import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { buildProgram } from '../../cli/program.js';
import { completionScript } from '../../cli/commands/completion.js';

function bashComplete(words: string[]): string[] {
  const script = completionScript(buildProgram(), 'bash');
  const cword = words.length - 1;
  const out = execFileSync(
    'bash',
    [
      '-c',
      `${script}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${cword}; _sluice; printf '%s\\n' "\${COMPREPLY[@]}"`,
    ],
    {
      encoding: 'utf8',
    },
  );
  return out.split('\n').filter(Boolean);
}

test('bash completion offers subcommands of the command typed so far', () => {
  assert.deepEqual(bashComplete(['sluice', 'dev', 'cluster', 'st']), ['start', 'stop', 'status']);
  assert.ok(bashComplete(['sluice', '']).includes('completion'));
});

test('bash completion offers the flags of the current command', () => {
  assert.ok(bashComplete(['sluice', 'dev', 'cluster', 'start', '--']).includes('--dir'));
});

test('fish and zsh scripts are generated and an unknown shell is refused with what to use', () => {
  assert.match(
    completionScript(buildProgram(), 'fish'),
    /complete -c sluice -n '__fish_seen_subcommand_from cluster' -a 'start'/,
  );
  assert.match(completionScript(buildProgram(), 'zsh'), /^#compdef sluice/);
  assert.throws(() => completionScript(buildProgram(), 'tcsh'), /use bash, zsh or fish/);
});
