export { startArtifactServer } from './server.js';
export type { ArtifactServer } from './server.js';
