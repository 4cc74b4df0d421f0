# The one Sluice image: every Flux controller runs from it, selected per Deployment with --controllers
# (see `sluice install --export`). Entry point: `sluice controller`.
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
RUN npm ci --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY api ./api
COPY engines ./engines
COPY runtime ./runtime
COPY controllers ./controllers
COPY server ./server
COPY cli ./cli
COPY bin ./bin
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
# git (GitRepository, image automation), ssh for SSH remotes, gnupg for signature verification.
RUN apt-get update \
 && apt-get install -y --no-install-recommends git openssh-client gnupg ca-certificates \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/package.json ./package.json
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY --from=build /src/bin ./bin
# A 1 GiB V8 heap limit (Flux's controllers run with a 1Gi memory limit; the benchmark gives upstream
# GOMEMLIMIT=1GiB): with V8's default limit for a large host, the old generation may grow to ~4× the live
# heap before a full GC; near a 1 GiB limit it grows ~1.6×. Measured: ~50 MiB less peak RSS for
# source+kustomize under load at the same CPU (docs/benchmarks.md, "Controller memory").
ENV NODE_ENV=production HOME=/tmp NODE_OPTIONS=--max-old-space-size=1024
# A numeric non-root user, so the restricted Pod security context (runAsNonRoot) can verify it.
USER 65534:65534
ENTRYPOINT ["node", "/app/bin/sluice.js", "controller"]
