# polint - a policy linter for Japanese local-government documents.
#
#   make            build build/polint
#   make run        install missing packages, build, lint the sample corpus
#   make test       install missing packages, build, run every test
#   make asan       the same tests under AddressSanitizer + UBSan
#   make bench      speed and memory against the libzip+libxml2 floor
#   make test-external   fidelity against ../shared/corpora (skips if absent)

CC      ?= cc
BUILD   ?= build
PKGS    := libxml-2.0 libzip libpcre2-8 libutf8proc
# CFLAGS and LDFLAGS are the user's (make CFLAGS=... works); the project's
# own flags live apart so that overriding one never drops the other.
CFLAGS  ?= -O2 -g
SAN     ?=
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
PL_CFLAGS = -std=c17 -D_POSIX_C_SOURCE=200809L $(WARN) -Isrc -MMD -MP $(SAN) $(CFLAGS)
PL_LDFLAGS = $(SAN) $(LDFLAGS)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LDLIBS  += $(PKG_LIBS) -lpthread -lm

# EXCLUDE lets one build while a file in the tree is being rewritten.
LIB_SRC  := $(filter-out $(EXCLUDE),$(sort $(wildcard src/util/*.c src/ooxml/*.c src/doc/*.c \
                              src/text/*.c src/rules/*.c src/report/*.c src/diff/*.c \
                              src/guideline/*.c)))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/unit/test_*.c))
SUPPORT_SRC := $(sort $(wildcard tests/support/*.c))

GEN_SRC  := $(BUILD)/gen/pack_schema.c $(BUILD)/gen/config_schema.c $(BUILD)/gen/guideline_schema.c
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(GEN_SRC:%.c=%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o)
SUPPORT_OBJ := $(SUPPORT_SRC:%.c=$(BUILD)/%.o)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
LIB      := $(BUILD)/libpolint.a
POLINT   := $(BUILD)/polint

# Debian packages that provide the above, and what the tests need.
DEB_BUILD := gcc make pkg-config libxml2-dev libzip-dev zlib1g-dev libpcre2-dev \
             libutf8proc-dev libcmocka-dev
DEB_TEST  := python3 python3-jsonschema libxml2-utils
DEB_EXTERNAL := pandoc

.PHONY: all deps deps-test run test unit asan bench test-external clean format

all: $(POLINT)

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(PL_CFLAGS) $(EXTRA_CFLAGS) $(PKG_CFLAGS) -c $< -o $@

$(BUILD)/gen/pack_schema.c: policies/schema/pack.rng tools/embed.sh
	@mkdir -p $(dir $@)
	tools/embed.sh pack_schema_rng $< > $@

$(BUILD)/gen/config_schema.c: policies/schema/config.rng tools/embed.sh
	@mkdir -p $(dir $@)
	tools/embed.sh config_schema_rng $< > $@

$(BUILD)/gen/guideline_schema.c: policies/schema/guideline.rng tools/embed.sh
	@mkdir -p $(dir $@)
	tools/embed.sh guideline_schema_rng $< > $@

$(BUILD)/gen/%.o: $(BUILD)/gen/%.c
	$(CC) $(PL_CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@
	ar rcs $@ $^

$(POLINT): $(CLI_OBJ) $(LIB)
	$(CC) $(PL_LDFLAGS) -o $@ $(CLI_OBJ) $(LIB) $(LDLIBS)

$(BUILD)/tests/%: $(BUILD)/tests/unit/%.o $(SUPPORT_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(PL_LDFLAGS) -o $@ $< $(SUPPORT_OBJ) $(LIB) $(LDLIBS) -lcmocka -lz

$(BUILD)/tests/unit/%.o $(BUILD)/tests/support/%.o: EXTRA_CFLAGS = -Itests/support -Wno-missing-prototypes

# Installs only what is missing, so a second run is instant and a machine
# that already has everything never needs root.
deps:
	@tools/install-deps.sh $(DEB_BUILD)

deps-test: deps
	@tools/install-deps.sh $(DEB_TEST)

# Lints the sample corpus: findings on the terminal, and the same results in
# report.html (for people) and report.json (for tools). corpus/ holds
# unreadable files on purpose (encrypted, legacy .doc/.xls, .odt, truncated),
# so polint exits 2 there; only a crash (status above 2) fails the recipe.
# The reference date is pinned so that the sample results do not drift as
# support end dates pass.
RUN_ARGS := --as-of 2026-11-22 --no-progress corpus/
run: deps
	@$(MAKE) --no-print-directory all
	@$(POLINT) check $(RUN_ARGS); rc=$$?; [ $$rc -le 2 ] || exit $$rc
	@$(POLINT) check --format html -o report.html $(RUN_ARGS); rc=$$?; [ $$rc -le 2 ] || exit $$rc
	@$(POLINT) check --format json -o report.json $(RUN_ARGS); rc=$$?; [ $$rc -le 2 ] || exit $$rc
	@echo "make run: report.html and report.json hold the results above"

unit: $(TEST_BIN) $(POLINT)
	@tests/run-tests.sh $(BUILD)

test: deps-test
	@$(MAKE) --no-print-directory unit

asan: deps-test
	@$(MAKE) --no-print-directory BUILD=build-asan CFLAGS='-O1 -g' \
	    SAN='-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' unit

bench: deps-test
	@$(MAKE) --no-print-directory all $(BUILD)/floor
	@/usr/bin/env python3 tools/bench.py $(BUILD)

$(BUILD)/floor: tools/floor.c
	$(CC) -O2 -g -std=c17 $(WARN) -Wno-missing-prototypes $(PKG_CFLAGS) -o $@ $< $(PKG_LIBS)

test-external: deps-test
	@tools/install-deps.sh $(DEB_EXTERNAL)
	@$(MAKE) --no-print-directory all
	@tests/external/run.sh $(BUILD)

format:
	clang-format -i $(LIB_SRC) $(CLI_SRC) $(wildcard src/*/*.h)

clean:
	rm -rf build build-asan

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d) $(SUPPORT_OBJ:.o=.d) $(TEST_BIN:$(BUILD)/tests/%=$(BUILD)/tests/unit/%.d)
