# One image for every process; docker-compose.yml picks the command per service.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm ci installs the workspaces the lock file names, so their package.json must be there.
COPY examples/agency-client/package.json examples/agency-client/package.json
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY platform platform
COPY gateway gateway
COPY subgraphs subgraphs
COPY migrations migrations
COPY scripts scripts
COPY demo demo
COPY standards standards
COPY schema schema
# The tests are not part of the image: build:prod compiles everything but test/.
RUN npm run build:prod

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY examples/agency-client/package.json examples/agency-client/package.json
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist dist
COPY schema schema
# The credentials volume mounts here; it must belong to the user the services run as.
RUN mkdir -p /data && chown node:node /data
USER node
CMD ["node", "dist/gateway/main.js"]
