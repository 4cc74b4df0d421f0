/**
 * Tables exactly as the flux CLI prints them (olekukonko/tablewriter with no borders, left alignment,
 * upper-cased headers, a tab after each padded cell; the header line ends its last cell with a space
 * instead of a tab).
 */
import { displayWidth, padRight } from './width.js';

export interface TableOptions {
  /** Print the header line. @default true */
  readonly header?: boolean;
  /** Colours a padded cell (only used on terminals; widths are computed before painting). */
  readonly paint?: (padded: string, raw: string, column: string) => string;
}

export function renderTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  opts: TableOptions = {},
): string {
  const widths = header.map((h, i) =>
    Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))),
  );
  const paint = opts.paint ?? ((p: string) => p);
  const head = header.map((h, i) => padRight(h.toUpperCase(), widths[i] ?? 0)).join('\t') + ' ';
  const body = rows.map((r) =>
    header
      .map((h, i) => paint(padRight(r[i] ?? '', widths[i] ?? 0), r[i] ?? '', h.toUpperCase()) + '\t')
      .join(''),
  );
  const lines = opts.header === false ? body : [head, ...body];
  return lines.length ? lines.join('\n') + '\n' : '';
}

const hexRun = /\b[0-9a-f]{40,128}\b/g;

/** flux get shortens hex digests of 40–128 characters in REVISION and MESSAGE to their first 8. */
export function shortenHashes(s: string): string {
  return s.replace(hexRun, (m) => m.slice(0, 8));
}
