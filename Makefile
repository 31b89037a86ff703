# Lede — every command a developer or CI needs.
#
#   make serve   set up this machine, build, and serve at http://127.0.0.1:8080
#   make test    set up this machine and run every test
#   make dist    write the deployable static site to dist/
#   make bench   print the benchmarks
#   make bench-scale  print the benchmarks at 10, 1,000 and 10,000 generated articles
#   make eval    print the analysis's quality on the annotated news stories
#
# Setup steps check before they install, so a second run installs nothing.

SHELL := bash
.SHELLFLAGS := -euo pipefail -c
export PATH := $(HOME)/.cargo/bin:$(PATH)

PORT ?= 8080
# Where cargo puts what it builds (target/, or CARGO_TARGET_DIR, or a cargo
# config's build.target-dir), asked of cargo itself.
TARGET ?= $(shell cargo metadata --format-version 1 --no-deps 2>/dev/null \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])' 2>/dev/null || echo target)
PKG := $(TARGET)/pkg
WASM_OPT := tools/node_modules/.bin/wasm-opt
TERSER := tools/node_modules/.bin/terser
# The wasm features today's rustc emits, which wasm-opt must accept.
WASM_FEATURES := --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
                 --enable-reference-types --enable-multivalue --enable-mutable-globals

.PHONY: setup setup-test wasm dist serve test test-unit test-e2e bench bench-scale eval clean FORCE e2e-library

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

# The four wasm bundles, each compiled, given its JS glue and shrunk: the
# viewer's three, ES modules, the reader's (the `lede` crate without
# features: the article view, loaded by an article's page), the library's
# (`library` feature: the library, a reader's own articles and keeping the
# library offline, loaded by the library's pages; no search, whose code
# loads with the search page when the search box is first used) and the
# full one (`full` feature: every view, loaded by the search and name pages
# and inlined in the single-file edition), and the analysis worker's (the
# `lede` crate with its `worker` feature, a classic script for
# static/worker.js, loaded only when a reader opens a file of their own).
#
# The viewer's bundle holds no article, so a new article compiles nothing:
# cargo finds nothing to do, and each bundle's glue and shrinking are
# skipped when the compiled module is the one they were made from (its
# hash, kept beside them with the shrinking's options and the command run
# on the glue).
#
# The viewer's three bundles are compiled lean: the standard library is
# compiled with each of them (cargo's build-std, from the rust-src component
# that setup adds), so that a panic is a bare trap with no message
# formatting behind it (-Cpanic=immediate-abort) and no source locations are
# kept (-Zlocation-detail=none). The reader's bundle also leaves out Debug
# formatting (-Zfmt-debug=none; the few errors it meets go to the console)
# and takes the standard library's smaller, slower algorithms (it sorts and
# searches little). Together these make the reader's bundle 16.5 KB brotli
# smaller, a tenth of an article's first view. The options are unstable;
# RUSTC_BOOTSTRAP=1 lets a stable compiler take them for these three builds
# only, and a compiler that does not take them (asked at each build) builds
# the bundles the ordinary way. The price is a panic's message, which Yew's
# panic hook printed to the console: `make serve LEAN=` builds the ordinary
# bundles, with messages. The analysis worker's bundle is built the
# ordinary way: its standard library, compiled for size with it, made the
# analysis a fifth slower, and it is not part of any first view.
# The reader's bundle is also shrunk once more after flattening and
# restructuring its control flow (1.5 KB brotli less, for a few seconds).
WASM_OPT_web := --flatten --rereloop -Oz
LEAN_BUNDLES := web web-library web-full
LEAN_FLAGS := -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none
LEAN_FLAGS_web := -Zfmt-debug=none
LEAN_STD := -Zbuild-std=std,panic_abort
LEAN_STD_web := -Zbuild-std-features=optimize_for_size
LEAN_SYSROOT = $(shell RUSTC_BOOTSTRAP=1 rustc $(LEAN_FLAGS) $(LEAN_FLAGS_web) --print sysroot 2>/dev/null)
LEAN = $(if $(LEAN_SYSROOT),$(wildcard $(LEAN_SYSROOT)/lib/rustlib/src/rust/library/Cargo.lock))
# Whether bundle $(1) (a profile) is built lean.
lean = $(and $(LEAN),$(filter $(1),$(LEAN_BUNDLES)))

# One bundle: $(1) the cargo profile (its own folder under the target), $(2)
# the glue's name, $(3) cargo's feature flags, $(4) wasm-bindgen's target,
# $(5) what it is, for the message when it is up to date, $(6) a command
# run on the glue once it is written, if any.
define bundle
	$(if $(filter $(1),$(LEAN_BUNDLES)),$(if $(LEAN),,@echo "wasm: building $(5) the ordinary way, with panic messages (LEAN is empty, or this compiler lacks the rust-src component or -Cpanic=immediate-abort)" >&2))
	$(if $(call lean,$(1)),RUSTC_BOOTSTRAP=1 RUSTFLAGS="$(LEAN_FLAGS) $(LEAN_FLAGS_$(1))" )cargo rustc -p lede --profile $(1) --target wasm32-unknown-unknown --lib --crate-type cdylib $(3) $(if $(call lean,$(1)),$(LEAN_STD) $(LEAN_STD_$(1)))
	@wasm=$(TARGET)/wasm32-unknown-unknown/$(1)/lede.wasm; \
	sum="$$(sha256sum < $$wasm) $(WASM_OPT_$(1)) $(6)"; \
	if [ "$$sum" = "$$(cat $(PKG)/.$(2).sum 2>/dev/null)" ] && [ -f $(PKG)/$(2)_bg.wasm ]; then \
	  echo "wasm: $(5) is up to date"; \
	else \
	  set -x; wasm-bindgen --target $(4) --no-typescript --out-dir $(PKG) --out-name $(2) $$wasm && \
	  $(WASM_OPT) $(WASM_OPT_$(1)) -Oz $(WASM_FEATURES) $(PKG)/$(2)_bg.wasm -o $(PKG)/$(2)_bg.wasm && \
	  $(if $(6),$(6) && )echo "$$sum" > $(PKG)/.$(2).sum; \
	fi
endef

# The viewer's three bundles: the names their wasm imports and exports are
# made short in the wasm and the glue (wasm-bindgen's are long and hashed;
# scripts/minify-wasm-names.py): 4.5 KB brotli less with the reader's glue
# then minified. The reader's and the library's glue are part of a page's
# first view, and are minified (ES modules: their top-level names are their
# own); the full bundle's is not: the single-file edition inlines it and
# calls its `__wbg_init` by name.
SHORT_NAMES = python3 scripts/minify-wasm-names.py $(WASM_OPT) $(PKG)/$(1).js $(PKG)/$(1)_bg.wasm $(WASM_FEATURES)
GLUE_MIN = $(call SHORT_NAMES,$(1)) && $(TERSER) $(PKG)/$(1).js --module --compress --mangle -o $(PKG)/$(1).js
FULL_GLUE := $(call SHORT_NAMES,lede_full)

wasm: setup
	@mkdir -p $(PKG)
	$(call bundle,web,lede,,web,the viewer's reader bundle,$(call GLUE_MIN,lede))
	$(call bundle,web-library,lede_library,--features library,web,the viewer's library bundle,$(call GLUE_MIN,lede_library))
	$(call bundle,web-full,lede_full,--features full,web,the viewer's full bundle,$(FULL_GLUE))
	$(call bundle,web-worker,lede_worker,--features worker,no-modules,the worker's bundle)

# The static site: server-rendered pages around the bundle, by `lede build`
# (crates/cli). Analyses are cached in .lede-cache/, so a rebuild analyses
# only the articles that changed, and only changed files are rewritten.
LEDE := $(TARGET)/release/lede
$(LEDE): FORCE
	cargo build --release -p lede-cli --bin lede
FORCE:

dist: wasm $(LEDE)
	$(LEDE) build articles -o dist --pkg $(PKG)

serve: dist
	$(LEDE) serve dist --port $(PORT)

# Every test of the three crates (and each benchmark once) but the browser
# suite, then the browser suite once per engine: each engine runs even if
# another failed, and any failure, including an engine that cannot start,
# fails the run.
E2E_ENGINES := chromium firefox webkit
# A generated library of 120 articles (many search shards, three
# library pages), built beside dist/ for the end-to-end suite.
E2E_LIBRARY := $(TARGET)/e2e-library
e2e-library: wasm $(LEDE)
	rm -rf $(E2E_LIBRARY)/articles
	cargo run --release --quiet -p lede-cli --bin synth-library -- 120 $(E2E_LIBRARY)/articles
	$(LEDE) build $(E2E_LIBRARY)/articles -o $(E2E_LIBRARY)/dist --pkg $(PKG) --cache $(E2E_LIBRARY)/cache

test: export LEDE_E2E_LIBRARY := $(E2E_LIBRARY)/dist
test: setup-test dist e2e-library
	cargo test --release --workspace --tests -- $(foreach e,$(E2E_ENGINES),--skip $(e)::)
	cargo test --release --workspace --benches
	@failed=""; for e in $(E2E_ENGINES); do \
	  echo "== end-to-end suite in $$e"; start=$$SECONDS; \
	  cargo test --release -p lede --test e2e -- "$$e::" || failed="$$failed $$e"; \
	  echo "== $$e: $$((SECONDS - start)) s"; \
	done; \
	if [ -n "$$failed" ]; then echo "make test: the end-to-end suite failed in:$$failed" >&2; exit 1; fi
	@echo "make test: all tests passed (end-to-end in $(E2E_ENGINES))"

# The analysis's quality on the hand-annotated stories of tests/eval/: the
# real-news set (tests/eval/news/, the one that counts) and the tuned set.
# Mentions by kind, distinct entities, dates and the timeline, per set; the
# same test guards each figure in make test. LEDE_EVAL_DETAILS=1 lists every
# miss, story by story.
eval:
	cargo test --release -p lede-analysis --test eval quality -- --nocapture

# The benchmarks (crates/cli/benches/site.rs): transfer size of the first
# view, loads in headless Chromium next to a static page of the same article,
# a generated 100,000-word article, and analysis throughput. Prints a table
# and writes target/bench.json; a missed target is reported, not an error.
# The long article's site is built by `lede build` from its own folder,
# with the same viewer bundle (it holds no article).
BENCH := target/bench
bench: dist
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || scripts/setup.sh test
	python3 scripts/bench-article.py --words 100000 $(BENCH)/long-articles/long-report.txt
	$(LEDE) build $(BENCH)/long-articles -o $(BENCH)/long-site --pkg $(PKG) --cache $(BENCH)/cache
	cargo bench -p lede-cli --bench site

# The benchmarks at scale (crates/cli/benches/scale.rs): libraries of 10,
# 1,000 and 10,000 articles written by synth-library into
# target/bench-scale/, each built cold by `lede build` (timed), then first
# view, cold search under Slow 4G and warm queries in headless Chromium,
# rebuild after one new article, site and precache sizes. The bench runs
# both programs itself (cargo builds them in release for it). Prints a
# table and writes target/bench-scale.json; a missed target is reported,
# not an error. LEDE_SCALE_SIZES=10,100,500 for a quick run.
bench-scale: wasm
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null || scripts/setup.sh test
	LEDE_PKG=$(abspath $(PKG)) cargo bench -p lede-cli --bench scale

clean:
	rm -rf dist $(PKG)
