# syntax=docker/dockerfile:1
# Production image: the API only. MongoDB (replica set) and Meilisearch run as their own
# services (see compose.yaml); set MONGODB_URI, MEILI_URL, MEILI_MASTER_KEY and TOKEN_KEYS_SECRET.

# Node.js 24, the current LTS line (the code also runs on 20.19+; CI runs the fast tests on 24).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Optional dependencies stay: @node-rs/argon2 gets its prebuilt binary for this platform through them.
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY seed ./seed
COPY migrations ./migrations
# The embedded Meilisearch binary is an optional dependency for development only.
RUN npx tsc -p tsconfig.build.json && npm prune --omit=dev && rm -rf node_modules/@gaubee

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    SEED_DEMO_DATA=never \
    MONGOD_AUTO_INSTALL=false
WORKDIR /app
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --chown=root:root package.json ./
COPY --chown=root:root search-config ./search-config
COPY --chown=root:root data ./data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Migrations are a deploy step: run `node dist/src/cli/migrate.js` with this image first (compose.yaml
# does); the service refuses to start while one is pending.
CMD ["node", "dist/src/index.js"]
