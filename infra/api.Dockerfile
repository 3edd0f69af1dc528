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

# Dependencies first, from the lockfile alone (`pnpm fetch` fills the store): this layer stays
# cached until pnpm-lock.yaml changes, and a new workspace package needs no change here.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch

# Then the sources (.dockerignore keeps node_modules, dist, .data, .outbox, .env… out) and an
# offline install from the store.
COPY . .
RUN pnpm install --frozen-lockfile --offline
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
    NEC_ATTACHMENTS_DIR=/app/.data/attachments \
    NEC_OUTBOX_DIR=/app/.outbox
WORKDIR /app
# Code and dependencies stay owned by root (read-only for the process); only the embedded
# database, the attachments folder and the mail outbox — used when DATABASE_URL, NEC_S3_BUCKET
# and SMTP_URL are not set, i.e. for a demonstration — are writable by `node`.
COPY --from=build /out/package.json ./package.json
COPY --from=build /out/node_modules ./node_modules
COPY --from=build /out/dist ./dist
RUN mkdir -p /app/.data/attachments /app/.outbox \
 && chown -R node:node /app/.data /app/.outbox
USER node
EXPOSE 3000
# /health answers 200 only when the database answers (liveness and readiness).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "dist/main.js"]
