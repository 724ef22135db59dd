# syntax=docker/dockerfile:1
# Multi-stage build: compile the client and server bundles with dev dependencies,
# then ship only production dependencies and the bundles. better-sqlite3 is a
# native addon, so both stages use the same Debian-based Node image (same glibc).
# Not built in this repository's CI (no Docker engine there); see README.

FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=8080 PYB_DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/server/db/migrations ./server/db/migrations
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 8080
# Run the bundle directly (not through npm) so SIGTERM reaches Node and the
# graceful shutdown runs.
CMD ["node", "dist/server/main.js"]
