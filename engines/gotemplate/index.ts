/**
 * Go's text/template in TypeScript: `new Template(name).funcs(map).parse(src).execute(data)`,
 * with Go's value model (value.ts), Go's fmt (engines/gofmt) and Go's error messages.
 * @module
 */
export { Template } from './template.js';
export { TemplateParseError } from './parse.js';
export { TemplateExecError, MAX_EXEC_DEPTH } from './exec.js';
export type { ExecLimits } from './exec.js';
export { htmlEscapeString, jsEscapeString, urlQueryEscape } from './builtins.js';
export * from './value.js';
