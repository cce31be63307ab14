# phm-workbench: two commands for a newcomer on a fresh Debian machine.
#   make demo   installs what is missing, builds in release, runs the default scenario
#   make test   installs what is missing, builds, runs every test (Swift, Python reference, CLI)
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# liblapacke-dev and coinor-libclp-dev are linked (CLAPACKE, CClp); libopenblas-dev supplies the
# optimised LAPACK/BLAS that LAPACKE calls (Debian alternatives); libxlsxwriter-dev is linked
# (CXlsxWriter) for the Excel workbooks.
APT_PACKAGES := pkg-config libopenblas-dev liblapacke-dev coinor-libclp-dev libxlsxwriter-dev
PIP_TEST_PACKAGES := pytest highspy openpyxl pypdf
# Only the tests need these (the report's browser check, opening workbooks in LibreOffice, the
# single-node Slurm of Tests/slurm, GNU time for the memory figures of phm-bench); `make demo`
# does not install them.
TEST_APT_PACKAGES := chromium libreoffice-calc-nogui slurmctld slurmd slurm-client munge time
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
DEMO_SCENARIO := Scenarios/ics-core20plus5.yaml
PHM := .build/release/phm

.PHONY: demo test setup test-setup release bench clean

## Install the Debian packages that are missing (checked with dpkg -s; apt only when needed).
setup:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s "$$p" >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

## Python packages that only the tests use (never a runtime dependency of phm).
test-setup: setup
	@missing=""; \
	for p in $(TEST_APT_PACKAGES); do dpkg -s "$$p" >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages for the tests:$$missing"; \
	  $(SUDO) apt-get update -qq; \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@for p in $(PIP_TEST_PACKAGES); do \
	  python3 -c "import $$p" 2>/dev/null || python3 -m pip install -q "$$p"; \
	done

release: setup
	swift build -c release --product phm

demo: release
	$(PHM) validate $(DEMO_SCENARIO)
	$(PHM) run $(DEMO_SCENARIO)

test: test-setup
	swift build --build-tests
	swift test
	python3 -m pytest -q -p no:cacheprovider Tests/architecture Tests/reference Tests/cli Tests/report Tests/lp Tests/golden Tests/voi Tests/slurm
	.build/debug/phm notebook --check notebooks-md/*.md

## The benchmark (engine against the NumPy reference, LP frontier against HiGHS): a development
## tool, built as its own executable so the shipped `phm` never starts Python or reads Tests/.
bench: setup test-setup
	swift build -c release --product phm-bench
	swift build -c release --product phm
	.build/release/phm-bench

clean:
	rm -rf .build
