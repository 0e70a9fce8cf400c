# The two Quick start commands (make run, make test) do all the set-up themselves.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run test test-fast bench icons app app-smoke install-desktop clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e .
	touch $@

$(TEST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

run: $(STAMP)
	@$(PY) -m desktop.system_check
	$(PY) -m desktop --samples

test: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

test-fast: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m "not gui and not slow"

bench: $(TEST_STAMP)
	for b in bench/*.py; do QT_QPA_PLATFORM=offscreen $(PY) $$b || exit 1; done

PKG_STAMP := $(VENV)/.installed-package

$(PKG_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[package]'
	touch $@

# The icons are generated from resources/icons/diptych.svg and kept in the repo.
icons: $(STAMP)
	$(PY) packaging/make_icons.py

app: $(PKG_STAMP)
	$(PY) -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build packaging/diptych.spec

app-smoke:
	$(PYTHON) packaging/smoke.py

# Install the built app for this user: applications menu, icon, and .diptych files open in it.
PREFIX ?= $(HOME)/.local
install-desktop:
	@test -x dist/Diptych/diptych || { echo "run 'make app' first"; exit 1; }
	rm -rf $(PREFIX)/lib/diptych && mkdir -p $(PREFIX)/lib $(PREFIX)/bin
	cp -a dist/Diptych $(PREFIX)/lib/diptych
	ln -sf $(PREFIX)/lib/diptych/diptych $(PREFIX)/bin/diptych
	install -Dm644 resources/icons/diptych.svg $(PREFIX)/share/icons/hicolor/scalable/apps/org.diptych.Diptych.svg
	install -Dm644 resources/icons/diptych.png $(PREFIX)/share/icons/hicolor/512x512/apps/org.diptych.Diptych.png
	mkdir -p $(PREFIX)/share/applications
	sed 's|^Exec=diptych|Exec=$(PREFIX)/bin/diptych|' resources/desktop/org.diptych.Diptych.desktop \
		> $(PREFIX)/share/applications/org.diptych.Diptych.desktop
	install -Dm644 resources/desktop/org.diptych.Diptych.metainfo.xml $(PREFIX)/share/metainfo/org.diptych.Diptych.metainfo.xml
	install -Dm644 resources/desktop/org.diptych.Diptych-mime.xml $(PREFIX)/share/mime/packages/org.diptych.Diptych.xml
	-command -v update-mime-database >/dev/null && update-mime-database $(PREFIX)/share/mime
	-command -v update-desktop-database >/dev/null && update-desktop-database $(PREFIX)/share/applications
	-command -v xdg-mime >/dev/null && xdg-mime default org.diptych.Diptych.desktop application/x-diptych-workspace
	@echo "Installed Diptych under $(PREFIX)"

clean:
	rm -rf $(VENV) build dist *.egg-info
