/**
 * The flux CLI's progress lines on stderr: ► action, ✚ generate, ◎ waiting, ✔ success, ⚠️ warning,
 * ✗ failure. Colour only when stderr is a terminal and NO_COLOR is unset.
 */
import pc from 'picocolors';

export interface CliLogger {
  actionf(msg: string): void;
  generatef(msg: string): void;
  waitingf(msg: string): void;
  successf(msg: string): void;
  warningf(msg: string): void;
  failuref(msg: string): void;
}

export function useColour(stream: NodeJS.WriteStream): boolean {
  return Boolean(stream.isTTY) && !process.env.NO_COLOR;
}

export function stderrLogger(stream: NodeJS.WriteStream = process.stderr): CliLogger {
  const colour = useColour(stream);
  const line = (sym: string, paint: (s: string) => string, msg: string): void => {
    stream.write(`${colour ? paint(sym) : sym} ${msg}\n`);
  };
  return {
    actionf: (m) => line('►', pc.blue, m),
    generatef: (m) => line('✚', pc.blue, m),
    waitingf: (m) => line('◎', pc.yellow, m),
    successf: (m) => line('✔', pc.green, m),
    warningf: (m) => line('⚠️', pc.yellow, m),
    failuref: (m) => line('✗', pc.red, m),
  };
}
