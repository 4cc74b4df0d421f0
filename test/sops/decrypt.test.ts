import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import {
  type SopsFormat,
  SopsError,
  decryptFile,
  decryptResource,
  keysFromSecretData,
} from '../../engines/sops/index.js';
import {
  type AgeKey,
  type PgpKey,
  haveSops,
  newAgeKey,
  newPgpKey,
  sopsDecrypt,
  sopsEncrypt,
} from './oracle.js';

// Every fixture here is encrypted at test time by the real sops CLI (scripts/build-sops.sh) with
// throwaway keys; our decryptor must read what sops writes.
const skip = haveSops() ? false : 'sops binary not built (npm run setup / scripts/build-sops.sh)';

let age: AgeKey;
let otherAge: AgeKey;
let pgp: PgpKey;
before(async () => {
  if (skip) return;
  age = await newAgeKey();
  otherAge = await newAgeKey();
  pgp = newPgpKey();
});

const ageKeys = () => keysFromSecretData({ 'identity.agekey': `# created for a test\n${age.identity}\n` });

const formats: [string, SopsFormat, string][] = [
  [
    'secret.yaml',
    'yaml',
    'user: admin\npassword: s3cr3t\nport: 5432\nratio: 0.25\nenabled: true\nnested:\n  list:\n    - a\n    - 2\n  empty: ""\nnothing: null\n',
  ],
  [
    'secret.json',
    'json',
    '{"user": "admin", "port": 5432, "ratio": 1.5, "ok": false, "list": ["x", {"k": "v"}], "none": null}',
  ],
  ['app.env', 'dotenv', 'USER=admin\n# a comment\nPASSWORD=p@ss=word\nMULTI=line1\\nline2\n'],
  ['app.ini', 'ini', '[database]\nuser = admin\npassword = s3cr3t\n\n[cache]\nttl = 30\n'],
];

for (const [name, format, plain] of formats) {
  test(
    `a ${format} file encrypted by sops with age decrypts to what sops itself emits, MAC verified`,
    { skip },
    async () => {
      const enc = sopsEncrypt(name, plain, { age: [age.recipient] });
      const ours = Buffer.from(
        await decryptFile(enc, format, format, ageKeys(), { verifyMac: true }),
      ).toString('utf8');
      const theirs = sopsDecrypt(name, enc, age.identity).toString('utf8');
      if (format === 'yaml' || format === 'json') assert.deepEqual(parseYaml(ours), parseYaml(theirs));
      else assert.equal(ours.replace(/^#.*\n/gm, ''), theirs.replace(/^#.*\n/gm, ''));
    },
  );
}

test('a binary file encrypted by sops decrypts to the original bytes', { skip }, async () => {
  const bytes = Buffer.from([0, 1, 2, 250, 255, 10, 65]);
  const enc = sopsEncrypt('blob.bin', bytes, { age: [age.recipient] });
  const out = await decryptFile(enc, 'binary', 'binary', ageKeys(), { verifyMac: true });
  assert.deepEqual(Buffer.from(out), bytes);
});

test(
  'a file encrypted for an OpenPGP key decrypts with the armored private key from a .asc entry',
  { skip },
  async () => {
    const enc = sopsEncrypt('secret.yaml', 'token: abc\n', {
      pgp: [pgp.fingerprint],
      gnupgHome: pgp.gnupgHome,
    });
    const keys = keysFromSecretData({ 'sops.asc': pgp.armoredPrivateKey });
    const out = Buffer.from(await decryptFile(enc, 'yaml', 'json', keys, { verifyMac: true })).toString(
      'utf8',
    );
    assert.deepEqual(JSON.parse(out), { token: 'abc' });
  },
);

test('with both an age and a PGP recipient, either key alone is enough', { skip }, async () => {
  const enc = sopsEncrypt('s.json', '{"a":"b"}', {
    age: [otherAge.recipient],
    pgp: [pgp.fingerprint],
    gnupgHome: pgp.gnupgHome,
  });
  const keys = keysFromSecretData({ 'wrong.agekey': age.identity, 'right.asc': pgp.armoredPrivateKey });
  assert.deepEqual(JSON.parse(Buffer.from(await decryptFile(enc, 'json', 'json', keys)).toString('utf8')), {
    a: 'b',
  });
});

const secretYaml =
  'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: apps\ntype: Opaque\nstringData:\n  password: s3cr3t\n  port: "5432"\n';

test(
  'a Secret manifest encrypted with encrypted_regex decrypts as a resource and loses its sops block',
  { skip },
  async () => {
    const enc = sopsEncrypt('db.yaml', secretYaml, {
      age: [age.recipient],
      extraArgs: ['--encrypted-regex', '^(data|stringData)$'],
    });
    const obj = parseYaml(enc.toString('utf8')) as Record<string, unknown>;
    const res = await decryptResource(obj, ageKeys(), { verifyMac: true });
    assert.equal(res.changed, true);
    assert.deepEqual(res.object, parseYaml(secretYaml));
  },
);

test('a value matching unencrypted_suffix stays in clear text and still decrypts', { skip }, async () => {
  const enc = sopsEncrypt('s.yaml', 'host_unencrypted: db.local\npassword: x\n', { age: [age.recipient] });
  assert.match(enc.toString('utf8'), /host_unencrypted: db.local/);
  const out = parseYaml(
    Buffer.from(await decryptFile(enc, 'yaml', 'yaml', ageKeys(), { verifyMac: true })).toString('utf8'),
  );
  assert.deepEqual(out, { host_unencrypted: 'db.local', password: 'x' });
});

test('mac_only_encrypted files verify with the MAC over encrypted values only', { skip }, async () => {
  const config = `creation_rules:\n  - age: '${age.recipient}'\n    encrypted_regex: '^secret$'\n    mac_only_encrypted: true\n`;
  const enc = sopsEncrypt('s.yaml', 'public: 1\nsecret: 2\n', { config });
  assert.match(enc.toString('utf8'), /mac_only_encrypted: true/);
  const tampered = enc.toString('utf8').replace('public: 1', 'public: 7');
  const out = parseYaml(
    Buffer.from(await decryptFile(tampered, 'yaml', 'yaml', ageKeys(), { verifyMac: true })).toString('utf8'),
  );
  assert.deepEqual(out, { public: 7, secret: 2 });
});

test('a changed clear-text value fails MAC verification with the Flux message', { skip }, async () => {
  const enc = sopsEncrypt('db.yaml', secretYaml, {
    age: [age.recipient],
    extraArgs: ['--encrypted-regex', '^(data|stringData)$'],
  });
  const tampered = enc.toString('utf8').replace('namespace: apps', 'namespace: other');
  await assert.rejects(decryptFile(tampered, 'yaml', 'yaml', ageKeys(), { verifyMac: true }), (e: Error) => {
    assert.ok(e instanceof SopsError && e.code === 'MacMismatch');
    assert.match(
      e.message,
      /^failed to verify sops data integrity: expected mac '[0-9A-F]{128}', got '[0-9A-F]{128}'$/,
    );
    return true;
  });
  // Flux does not verify the MAC by default: the same file decrypts.
  const out = parseYaml(
    Buffer.from(await decryptFile(tampered, 'yaml', 'yaml', ageKeys())).toString('utf8'),
  ) as { metadata: { namespace: string } };
  assert.equal(out.metadata.namespace, 'other');
});

test(
  'a swapped ciphertext fails authenticated decryption because the path is the additional data',
  { skip },
  async () => {
    const enc = sopsEncrypt('s.yaml', 'a: one\nb: two\n', { age: [age.recipient] }).toString('utf8');
    const a = /^a: (ENC\[.*\])$/m.exec(enc)?.[1] as string;
    const b = /^b: (ENC\[.*\])$/m.exec(enc)?.[1] as string;
    const swapped = enc.replace(`a: ${a}`, `a: ${b}`).replace(`b: ${b}`, `b: ${a}`);
    await assert.rejects(
      decryptFile(swapped, 'yaml', 'yaml', ageKeys()),
      (e: Error) => e instanceof SopsError && e.message.startsWith('error decrypting sops tree: '),
    );
  },
);

test('the wrong age key fails with the data-key report and no secret in the message', { skip }, async () => {
  const enc = sopsEncrypt('s.yaml', 'password: hunter2\n', { age: [age.recipient] });
  const keys = keysFromSecretData({ 'other.agekey': otherAge.identity });
  await assert.rejects(decryptFile(enc, 'yaml', 'yaml', keys), (e: Error) => {
    assert.ok(e instanceof SopsError && e.code === 'DataKeyUnavailable');
    assert.ok(
      e.message.startsWith(
        'cannot get sops data key: Failed to get the data key required to decrypt the SOPS file.',
      ),
    );
    assert.ok(e.message.includes(age.recipient));
    for (const secret of ['hunter2', otherAge.identity, age.identity]) assert.ok(!e.message.includes(secret));
    return true;
  });
});

test(
  'a Secret whose data values are sops documents is decrypted value by value in the key format',
  { skip },
  async () => {
    const envEnc = sopsEncrypt('app.env', 'TOKEN=abc\n', { age: [age.recipient] });
    const jsonEnc = sopsEncrypt('cfg.json', '{"k": "v"}', { age: [age.recipient] });
    const secret = {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'gen', namespace: 'apps' },
      data: {
        'app.env': envEnc.toString('base64'),
        'cfg.json': jsonEnc.toString('base64'),
        plain: Buffer.from('hello').toString('base64'),
      },
    };
    const res = await decryptResource(secret, ageKeys());
    const data = res.object.data as Record<string, string>;
    assert.equal(Buffer.from(data['app.env'] as string, 'base64').toString(), 'TOKEN=abc\n');
    assert.deepEqual(JSON.parse(Buffer.from(data['cfg.json'] as string, 'base64').toString()), { k: 'v' });
    assert.equal(data.plain, secret.data.plain);
  },
);

test('a Secret field that fails to decrypt names the field', { skip }, async () => {
  const envEnc = sopsEncrypt('app.env', 'TOKEN=abc\n', { age: [age.recipient] });
  const secret = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'gen', namespace: 'apps' },
    data: { 'app.env': envEnc.toString('base64') },
  };
  await assert.rejects(
    decryptResource(secret, keysFromSecretData({ 'x.agekey': otherAge.identity })),
    (e: Error) =>
      e.message.startsWith(
        "failed to decrypt and format 'apps/gen' Secret field 'app.env': cannot get sops data key: ",
      ),
  );
});

test('Shamir key groups are refused with a clear error', { skip }, async () => {
  const config = `creation_rules:\n  - shamir_threshold: 2\n    key_groups:\n      - age: ['${age.recipient}']\n      - age: ['${otherAge.recipient}']\n`;
  const enc = sopsEncrypt('s.yaml', 'a: b\n', { config });
  await assert.rejects(
    decryptFile(enc, 'yaml', 'yaml', ageKeys()),
    (e: Error) => e instanceof SopsError && e.code === 'ShamirUnsupported',
  );
});

test('a resource without a sops block and a non-Secret are returned unchanged', async () => {
  const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: 'b' } };
  const res = await decryptResource(cm, keysFromSecretData({}));
  assert.equal(res.changed, false);
  assert.equal(res.object, cm);
});

test('a malformed age identity in a .agekey entry is rejected without echoing it', () => {
  assert.throws(
    () => keysFromSecretData({ 'bad.agekey': 'AGE-SECRET-KEY-NOT-VALID' }),
    (e: Error) => e instanceof SopsError && e.code === 'KeyImportFailed' && !e.message.includes('NOT-VALID'),
  );
});
