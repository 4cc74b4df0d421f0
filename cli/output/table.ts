/**
 * Tables exactly as the flux CLI prints them (olekukonko/tablewriter with no borders, left alignment,
 * upper-cased headers, a tab after each padded cell; the header line ends its last cell with a space
 * instead of a tab).
 */
import { displayWidth, padRight } from './width.js';

export function renderTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const head = header.map((h, i) => padRight(h.toUpperCase(), widths[i] ?? 0)).join('\t') + ' ';
  const lines = [
    head,
    ...rows.map((r) => header.map((_, i) => padRight(r[i] ?? '', widths[i] ?? 0) + '\t').join('')),
  ];
  return lines.join('\n') + '\n';
}

const hexRun = /\b[0-9a-f]{40,128}\b/g;

/** flux get shortens hex digests of 40–128 characters in REVISION and MESSAGE to their first 8. */
export function shortenHashes(s: string): string {
  return s.replace(hexRun, (m) => m.slice(0, 8));
}
