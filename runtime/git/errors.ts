/** What went wrong, so the reconciler can pick Flux's condition reason. */
export type GitErrorCode =
  | 'auth' // credentials refused or unusable
  | 'hostkey' // SSH host key not in known_hosts
  | 'unreachable' // connection refused, DNS, TLS handshake
  | 'notfound' // ref, tag or commit missing
  | 'empty' // repository has no refs
  | 'timeout'
  | 'toolarge'
  | 'sparse' // a sparse-checkout directory does not exist
  | 'verify' // signature verification failed
  | 'other';

/** An error from a git operation; its message is already free of credentials. */
export class GitError extends Error {
  override readonly name = 'GitError';
  constructor(
    readonly code: GitErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Classifies git/ssh stderr (already sanitized) into a code. */
export function classify(stderr: string): GitErrorCode {
  const s = stderr.toLowerCase();
  if (
    s.includes('host key verification failed') ||
    s.includes('no matching host key') ||
    s.includes('remote host identification has changed')
  )
    return 'hostkey';
  if (
    s.includes('authentication failed') ||
    s.includes('permission denied') ||
    s.includes('could not read username') ||
    s.includes('could not read password') ||
    s.includes('invalid credentials') ||
    s.includes('returned error: 401') ||
    s.includes('returned error: 403')
  )
    return 'auth';
  if (
    s.includes('could not resolve host') ||
    s.includes('connection refused') ||
    s.includes('failed to connect') ||
    s.includes('connection timed out') ||
    s.includes('ssl certificate problem') ||
    s.includes('server certificate verification failed') ||
    s.includes('unable to access')
  )
    return 'unreachable';
  if (
    s.includes("couldn't find remote ref") ||
    s.includes('not our ref') ||
    s.includes('not found in upstream') ||
    s.includes('did not match any')
  )
    return 'notfound';
  return 'other';
}
