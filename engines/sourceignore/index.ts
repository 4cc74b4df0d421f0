export {
  Matcher,
  defaultPatterns,
  excludeCI,
  excludeExt,
  excludeExtra,
  excludeVCS,
  ignoreFile,
  parsePatterns,
  sourceIgnoreFilter,
  vcsPatterns,
} from './patterns.js';
export type { Pattern } from './patterns.js';
export { loadIgnorePatterns, maxIgnoreFileBytes } from './load.js';
