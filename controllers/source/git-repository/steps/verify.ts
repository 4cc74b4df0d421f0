import { join } from 'node:path';
import { SignatureVerifier, isSignedTag } from '../../../../runtime/git/index.js';
import { decodeSecretData } from '../auth.js';
import { verificationMode } from '../content-config.js';
import type { StepContext } from '../context.js';
import { generic, stalling } from '../errors.js';
import type { ReconcileError } from '../errors.js';

/**
 * Verifies the tag and/or HEAD signature with the keyrings of spec.verify.secretRef.
 * Sets SourceVerified True (Succeeded, "verified signature of…") or False (VerificationError,
 * InvalidVerificationMode [stalling], InvalidGitObject, InvalidTagSignature, InvalidCommitSignature);
 * without spec.verify removes it and status.sourceVerificationMode.
 */
export async function verifySignature(ctx: StepContext): Promise<void> {
  const { obj, conditions, deps } = ctx;
  const status = (obj.status ??= {});
  const mode = verificationMode(obj);
  const commit = ctx.commit;
  if (!mode || !commit || !obj.spec.verify) {
    delete status.sourceVerificationMode;
    conditions.delete('SourceVerified');
    return;
  }
  const fail = (e: ReconcileError): ReconcileError => {
    conditions.markFalse('SourceVerified', e.reason, e.message);
    return e;
  };
  const ns = obj.metadata.namespace ?? 'default';
  let keyRings: string[];
  try {
    const s = await deps.client.get<{
      apiVersion: string;
      kind: string;
      metadata: { name: string };
      data?: Record<string, string>;
    }>({
      apiVersion: 'v1',
      kind: 'Secret',
      namespace: ns,
      name: obj.spec.verify.secretRef.name,
    });
    keyRings = Object.values(decodeSecretData(s.data));
  } catch (err) {
    throw fail(generic(`PGP public keys secret error: ${(err as Error).message}`, 'VerificationError'));
  }
  const dir = join(ctx.dir, 'repo');
  let verifier: SignatureVerifier;
  try {
    verifier = await SignatureVerifier.open(keyRings);
  } catch (err) {
    throw fail(generic(`PGP public keys secret error: ${(err as Error).message}`, 'VerificationError'));
  }
  try {
    let message = '';
    if (mode === 'Tag' || mode === 'TagAndHEAD') {
      const tag = commit.tag;
      if (!tag)
        throw fail(
          stalling(
            "cannot verify tag object's signature if a tag reference is not specified",
            'InvalidVerificationMode',
          ),
        );
      if (!(await isSignedTag(dir, tag)))
        throw fail(
          generic(
            `cannot verify signature of tag '${tag}@sha1:${commit.hash}' since it is not signed`,
            'InvalidGitObject',
          ),
        );
      const r = await verifier.tag(dir, tag);
      if ('error' in r)
        throw fail(
          generic(
            `signature verification of tag '${tag}@sha1:${commit.hash}' failed: ${r.error}`,
            'InvalidTagSignature',
          ),
        );
      message = `verified signature of\n\t- tag '${tag}@sha1:${commit.hash}' with key '${r.keyID}'`;
    }
    if (mode === 'HEAD' || mode === 'TagAndHEAD') {
      const r = await verifier.commit(dir);
      if ('error' in r)
        throw fail(
          generic(
            `signature verification of commit '${commit.hash}' failed: ${r.error}`,
            'InvalidCommitSignature',
          ),
        );
      message += message
        ? `\n\t- commit '${commit.hash}' with key '${r.keyID}'`
        : `verified signature of\n\t- commit '${commit.hash}' with key '${r.keyID}'`;
    }
    status.sourceVerificationMode = mode;
    conditions.markTrue('SourceVerified', 'Succeeded', message);
    await deps.recordEvent(obj, 'Trace', 'Succeeded', message);
  } finally {
    await verifier.close();
  }
}
