/**
 * Go's `fmt`, `strconv` float/quote formatting and `time.Duration`, over the Go value model of
 * engines/gotemplate/value.ts. Used by the template executor, Sprig and Helm functions.
 * @module
 */
export { sprintf, sprint, sprintln, formatValue } from './printf.js';
export { formatFloat } from './float.js';
export { quote, quoteToASCII, quoteRune, quoteRuneToASCII, canBackquote, isPrint } from './quote.js';
export { durationString, parseDuration, DurationError } from './duration.js';
