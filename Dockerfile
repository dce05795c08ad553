# Rapport's whole check (.ci/run) in a clean Debian 12 container, for anyone with Docker or Podman:
#   docker build -t rapport-check . && docker run --rm --shm-size=1g rapport-check
#   podman build -t rapport-check . && podman run --rm --shm-size=1g rapport-check
# The image is Debian 12 (bookworm) with Node 20; .ci/run installs every system package the suite
# needs (Chromium, poppler-utils, fontconfig, DejaVu fonts) and nothing else, so the run sees the
# fonts a fresh machine has. See README, "Tests".
FROM node:20-bookworm

WORKDIR /rapport
COPY . .

ENV CI=true
CMD ["bash", ".ci/run"]
