# syntax=docker/dockerfile:1
# The fundledger API. Built and run by docker-compose.yml; see docs/eventstoredb.md.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 falls back to compiling its native binding when no prebuilt one matches.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# `npm ci` would run the package's `prepare` (the build) before the sources are here: install without
# scripts, then run the dependencies' own install scripts (better-sqlite3's binding) with `npm rebuild`.
RUN npm ci --ignore-scripts && npm rebuild
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY scripts ./scripts
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json ./package.json
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
# The pages' Nunjucks templates: tsc compiles TypeScript only, and the service reads them from here.
COPY --from=build --chown=node:node /app/apps/api/src/pages/views ./apps/api/src/pages/views
# The SQLite store (FUNDLEDGER_STORE=sqlite) writes under ./data; mount a volume there to keep it.
RUN mkdir -p /app/data && chown node:node /app/data && chmod 700 /app/data
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
