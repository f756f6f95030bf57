# Plumb in a container: one image for every role (PLUMB_ROLE=all|web|worker; `npm run worker` for workers).
# Not exercised by CI (no container engine runs there); see docker-compose.yml for N web + M workers.
FROM node:22-bookworm-slim

# Chromium for scans (workers and `all`); fonts so pages render their text.
RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-liberation ca-certificates \
 && rm -rf /var/lib/apt/lists/*
ENV CHROME_PATH=/usr/bin/chromium \
    NEXT_TELEMETRY_DISABLED=1 \
    PLUMB_DATA_DIR=/data

WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm install --no-audit --no-fund
COPY . .
RUN npm run build

VOLUME /data
EXPOSE 3000 3001
CMD ["npm", "start"]
