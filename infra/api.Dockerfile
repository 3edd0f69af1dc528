# syntax=docker/dockerfile:1
#
# Image of the NEC API (apps/api). Build from the repository root:
#
#   docker build -f infra/api.Dockerfile -t nec-api .
#
# One image, two commands:
#   - migrations, once per release, before the new replicas start (one-shot job):
#       docker run --rm -e DATABASE_URL=postgres://… nec-api node dist/cli/migrate.js
#   - the API (default command; refuses to start on a schema that is not up to date):
#       docker run -p 3000:3000 -e DATABASE_URL=postgres://… nec-api
#
# See docs/deployment.md (configuration, health checks, TLS) and infra/compose.yaml.

ARG NODE_IMAGE=node:24-bookworm-slim

# ── Stage 1: install the workspace, build the API and its workspace dependencies, then
#    `pnpm deploy` the API with its production dependencies only into /out.
FROM ${NODE_IMAGE} AS build
ENV CI=true \
    TURBO_TELEMETRY_DISABLED=1 \
    npm_config_update_notifier=false \
    npm_config_fund=false \
    npm_config_audit=false
# pnpm from npm (corepack cannot fetch it on our machines); same version as scripts/lib.sh.
RUN npm install --global pnpm@12.21.0
WORKDIR /repo

# Manifests and lockfile first: the dependency layer stays cached until one of them changes.
# Every workspace package's manifest is needed for `--frozen-lockfile` to match the lockfile.
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY apps/api/package.json apps/api/
COPY packages/domain/package.json packages/domain/
COPY bench/package.json bench/
RUN pnpm install --frozen-lockfile

# Sources (.dockerignore keeps node_modules, dist, .data, .outbox… out of the context).
COPY tsconfig.base.json turbo.json ./
COPY packages/domain packages/domain
COPY apps/api apps/api
RUN pnpm turbo run build --filter @nec/api... --output-logs=errors-only

# pnpm 12 deploys a workspace package without `--legacy` and without injected workspace
# packages: @nec/domain is copied (with its dist/) into /out/node_modules.
RUN pnpm --filter @nec/api deploy --prod /out

# ── Stage 2: the deployed app only (dist + production node_modules), run as `node`.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NO_COLOR=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    NEC_DATA_DIR=/app/.data/pglite \
    NEC_OUTBOX_DIR=/app/.outbox
WORKDIR /app
# Code and dependencies stay owned by root (read-only for the process); only the embedded
# database folder and the mail outbox — used when DATABASE_URL / SMTP_URL are not set, i.e.
# for a demonstration — are writable by `node`.
COPY --from=build /out/package.json ./package.json
COPY --from=build /out/node_modules ./node_modules
COPY --from=build /out/dist ./dist
RUN mkdir -p /app/.data /app/.outbox && chown node:node /app/.data /app/.outbox
USER node
EXPOSE 3000
# /health answers 200 only when the database answers (liveness and readiness).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
