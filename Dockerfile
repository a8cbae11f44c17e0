# The server runs its TypeScript through tsx, which is a production dependency: no build step,
# no dev dependencies in the image.
FROM node:20-slim

WORKDIR /app

# Dependencies first, so a code change does not reinstall them.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev && npm cache clean --force

COPY . .

# Without DATABASE_URL the server uses embedded PGlite under ./data (and keeps its JWT secret
# there), so that one folder must be writable by the unprivileged user.
RUN mkdir -p data && chown node:node data

ENV NODE_ENV=production PORT=4000
EXPOSE 4000
USER node
CMD ["node", "--import", "tsx", "api/main.ts"]
