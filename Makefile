# make run | make test | make bench | make model — each creates .venv and installs what it needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Debian packages the app and tests need: a CJK font (else every Chinese character is an empty box),
# the libraries Qt's xcb/offscreen platforms load, poppler and its CJK maps (poppler-data) for the
# extraction baseline, PostgreSQL for the team-workspace tests (tests/pgserver.py starts a throw-away server on loopback),
# LibreOffice Calc (headless) to make the Excel 97-2003 (.xls) test files (tests/roster_files.py).
# LibreOffice Writer (headless) to read .doc/.wps/.rtf/.odt through docx, antiword (the text-only fallback, tested),
# chromium (the batch triage report is opened headless, offline, by its test).
SYSTEM_PACKAGES := fonts-wqy-zenhei fontconfig libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 \
	libfontconfig1 libdbus-1-3 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 \
	libxcb-render-util0 libxcb-xkb1 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 poppler-utils poppler-data postgresql \
	libreoffice-writer-nogui libreoffice-calc-nogui antiword chromium

.PHONY: run test bench bench-gui screenshots model corpus fuzz sysdeps venv clean

sysdeps:
	@bash .ci/sysdeps.sh $(SYSTEM_PACKAGES)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	@touch $(STAMP)

venv: sysdeps $(STAMP)

run: venv
	$(BIN)/python main.py resources/samples/penalty-decision.docx

test: venv
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

model: venv  # one BLAS thread: the same floating-point sums, so the same model, as the committed one
	OPENBLAS_NUM_THREADS=1 $(BIN)/python -m models.training.train

bench: venv
	$(BIN)/python -m bench.run

clean:
	rm -rf $(VENV) .pytest_cache

corpus: venv
	$(BIN)/python -m bench.corpus

fuzz: venv
	$(BIN)/python -m bench.fuzz $(FUZZ_ARGS)

bench-gui: venv
	@bash .ci/sysdeps.sh xvfb xauth
	xvfb-run -a -s "-screen 0 1600x1000x24" $(BIN)/python -m bench.gui_latency

screenshots: venv  # the main window and every dialog, zh_CN and en, 1360x768 → resources/screenshots/
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m reviewer.ui.gallery --size 1360x768
