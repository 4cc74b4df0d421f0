/**
 * Parse errors of fluxcd/pkg/envsubst (a fork of drone/envsubst): the message text is the upstream
 * sentinel text, because Flux surfaces it verbatim in the Ready condition.
 */
export type EnvsubstParseErrorCode =
  | 'BadSubstitution'
  | 'MissingClosingBrace'
  | 'ParseVariableName'
  | 'ParseFuncSubstitution'
  | 'ParseDefaultFunction';

const parseMessages: Readonly<Record<EnvsubstParseErrorCode, string>> = {
  BadSubstitution: 'bad substitution',
  MissingClosingBrace: 'missing closing brace',
  ParseVariableName: 'unable to parse variable name',
  ParseFuncSubstitution: 'unable to parse substitution within function',
  ParseDefaultFunction: 'unable to parse default function',
};

/** A template that does not parse. */
export class EnvsubstParseError extends Error {
  readonly code: EnvsubstParseErrorCode;
  constructor(code: EnvsubstParseErrorCode) {
    super(parseMessages[code]);
    this.name = 'EnvsubstParseError';
    this.code = code;
  }
}

/** Strict mode: a bare `${name}` references a variable that is not defined. */
export class VariableNotSetError extends Error {
  readonly variable: string;
  constructor(variable: string) {
    super(`variable not set (strict mode): ${goQuote(variable)}`);
    this.name = 'VariableNotSetError';
    this.variable = variable;
  }
}

/** Go's `%q` for the identifier-like strings that reach it here (letters, digits, `_`). */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}
