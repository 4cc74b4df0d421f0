/** The v1beta2 source Artifact: meta.Artifact plus the deprecated `checksum`. */
import { object, string, type Infer } from '../../meta/schema.js';
import { artifactProps } from '../../meta/types.js';

export const artifactV1beta2 = object({
  ...artifactProps,
  checksum: string({ description: 'Deprecated: SHA256 checksum of the artifact; use digest.' }),
});
export type ArtifactV1beta2 = Infer<typeof artifactV1beta2>;
