/** Flux's Commit.ShortMessage: the first line, cut to 50 characters plus `...`. */
export function shortMessage(message: string): string {
  const first = message.split('\n')[0] ?? '';
  return [...first].length > 50 ? `${[...first].slice(0, 50).join('')}...` : first;
}
