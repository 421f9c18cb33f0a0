# Sapa Desa production image: Node 24, production dependencies only, non-root,
# data (PGlite folder, media) on a volume. Set DATABASE_URL to use PostgreSQL instead.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
ENV NODE_ENV=production \
    DATA_DIR=/data \
    PORT=3000 \
    LOG_FORMAT=json \
    CONSOLE_ENABLED=false
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY package.json package-lock.json ./
COPY src ./src
COPY flows ./flows
COPY locales ./locales
COPY drizzle ./drizzle
# The app runs from a bundle of the sources (esbuild, a production dependency), built once
# here: starting it costs about half the CPU of compiling the TypeScript at every start.
RUN npm run build && mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# node receives SIGTERM directly as PID 1 (no npm or shell in between) and shuts down cleanly.
CMD ["node", "--enable-source-maps", "dist/main.js"]
