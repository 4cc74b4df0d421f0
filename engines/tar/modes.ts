/**
 * Header values that make an artifact depend on content alone (fluxcd/pkg artifact storage: owner,
 * group and times stripped; one mode per entry type).
 */
export const defaultDirMode = 0o750;
export const defaultFileMode = 0o600;
export const defaultExeFileMode = 0o700;

export function fileModeFor(mode: number): number {
  return (mode & 0o111) !== 0 ? defaultExeFileMode : defaultFileMode;
}
