# syntax=docker/dockerfile:1
#
# Interview Coach images.
#   docker build -t interview-coach .                            app only (Cloud Run, compose)
#   docker build --target all-in-one -t interview-coach:aio .    app + MariaDB in one container
#
# The build stage runs the same `make tools` and `make build` as `make run` on a laptop and as CI,
# so the tool versions (wasm-bindgen-cli, wasm-opt from npm binaryen) come from the
# Makefile and the lockfiles alone and cannot drift from what the tests ran.

FROM node:20-bookworm-slim AS node

FROM rust:1-bookworm AS build
COPY --from=node /usr/local/bin/node /usr/local/bin/node
COPY --from=node /usr/local/lib/node_modules /usr/local/lib/node_modules
RUN ln -s ../lib/node_modules/npm/bin/npm-cli.js /usr/local/bin/npm \
 && ln -s ../lib/node_modules/npm/bin/npx-cli.js /usr/local/bin/npx
WORKDIR /src
# The pinned tools first: this layer is cached until the Makefile or a lockfile changes.
COPY Makefile Cargo.lock rust-toolchain.toml ./
COPY end2end/package.json end2end/package-lock.json end2end/
RUN make tools
COPY . .
RUN make build \
 && mkdir -p /out/app/data /out/app/logs /out/app/reports \
 && cp target/release/server /out/app/server \
 && cp -r target/site /out/app/site

# --- All-in-one: MariaDB and the app under tini and a small supervisor script. ---------------
FROM debian:bookworm-slim AS all-in-one
# For a single machine or a demo only. On Cloud Run the container's disk is ephemeral: the
# database is lost whenever the instance stops. The supported production path is the app-only
# image below with Cloud SQL for MySQL.
RUN apt-get update \
 && apt-get install -y --no-install-recommends mariadb-server tini ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home /app coach
COPY --from=build --chown=coach:coach /out/app /app
COPY deploy/all-in-one.sh /usr/local/bin/all-in-one
WORKDIR /app
ENV HOST=0.0.0.0 \
    PORT=8080 \
    LOG_FORMAT=json \
    LEPTOS_SITE_ROOT=/app/site \
    DATA_DIR=/app/data \
    LOG_DIR=/app/logs \
    REPORTS_DIR=/app/reports \
    DATABASE_URL=mysql://coach@127.0.0.1:3306/interview_coach
VOLUME ["/var/lib/mysql", "/app/reports"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD ["/app/server", "healthcheck"]
ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/all-in-one"]

# --- App only (the default target): the server, the site and CA certificates. ----------------
# distroless/cc has glibc, libgcc, CA certificates and a non-root user, and no shell.
FROM gcr.io/distroless/cc-debian12:nonroot AS app
COPY --from=build --chown=nonroot:nonroot /out/app /app
WORKDIR /app
# Logs go to stdout only (Cloud Run's disk is memory); set LOG_DIR=/app/logs for files too.
ENV HOST=0.0.0.0 \
    PORT=8080 \
    LOG_FORMAT=json \
    RUST_LOG=info \
    LEPTOS_SITE_ROOT=/app/site \
    DATA_DIR=/app/data \
    LOG_DIR=off \
    REPORTS_DIR=/app/reports
USER nonroot
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s CMD ["/app/server", "healthcheck"]
# Migrations run at start (idempotent). To run them as a one-off job instead: `server migrate`.
ENTRYPOINT ["/app/server"]
CMD ["serve"]
