export { startArtifactServer } from './server.js';
export type { ArtifactServer } from './server.js';
export { artifactServerRunnable } from './runnable.js';
