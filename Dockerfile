# Two stages. `client` installs every dependency and builds the web client with Vite (a dev
# dependency) into client/dist. The final image has production dependencies only — the server
# runs its TypeScript through tsx, a production dependency, so there is no server build — plus that
# client/dist, which the server serves at / (api/transport/http/server.ts).

FROM node:20-slim AS client
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
# the client builds from client/ (its own tsconfig, committed codegen output in client/src/gql) and
# the server's pure rules it imports as @domain (api/domain and the constants they read)
COPY client ./client
COPY api/domain ./api/domain
COPY schema/db/constants.ts ./schema/db/constants.ts
RUN npm run build

FROM node:20-slim
WORKDIR /app

# DejaVu Sans for the PDF reports and their trend chart (api/reports/): without it the PDF falls
# back to its standard Helvetica (Western European text only) and the chart image has no text
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core \
  && rm -rf /var/lib/apt/lists/*

# Dependencies first, so a code change does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY . .
# After the sources (.dockerignore keeps any local client/dist out), so the build is newer than
# them: `npm start`'s prestart (client/scripts/ensure-built.ts) finds it fresh and never needs Vite.
COPY --from=client /app/client/dist ./client/dist

# Without DATABASE_URL the server uses embedded PGlite under ./data (and keeps its JWT secret
# there), so that one folder must be writable by the unprivileged user.
RUN mkdir -p data && chown node:node data

# HOST: a container must listen on every interface to be reached through its published port (the
# embedded demo's default is loopback, config.ts); the demo sign-in is then off (api/transport/demo-sign-in.ts)
ENV NODE_ENV=production PORT=4000 HOST=0.0.0.0
EXPOSE 4000
USER node
# node itself, not npm start: it is PID 1 and gets SIGTERM for the graceful shutdown
CMD ["node", "--import", "tsx", "api/main.ts"]
