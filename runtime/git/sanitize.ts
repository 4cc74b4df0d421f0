/**
 * Removes credentials from text that may reach logs, events, conditions or errors: userinfo in
 * URLs (`https://user:pass@host` → `https://host`), Authorization header values, and every literal
 * secret value passed in (basic-auth password, bearer token, key passphrase…).
 */
export function sanitize(text: string, secrets: readonly string[] = []): string {
  let out = text.replace(/([a-z][a-z0-9+.-]*:\/\/)[^/\s@'"]*@/gi, '$1');
  out = out.replace(/(authorization:\s*)(basic|bearer)\s+\S+/gi, '$1$2 ***');
  for (const s of secrets) {
    if (s.length >= 3) out = out.split(s).join('***');
  }
  return out;
}

/** A URL without its userinfo, for messages. */
export function redactURL(url: string): string {
  return sanitize(url);
}
