#!/usr/bin/env python3
"""Bytes of a sandbox action's answer, as the browser's htmx gets it: the page is read once, then
each action sends back the part keys the page holds (as the page's script does), and the parts an
answer swaps in update what the page holds. Usage: bench/sandbox-bytes.py [http://127.0.0.1:7070]"""
import gzip
import re
import sys
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:7070"
PART = re.compile(r'<(?:div|tbody) id="(part-[A-Za-z0-9._-]+)" class="part" data-key="([0-9a-f]+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args):
        return None


jar = CookieJar()
web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())


WIRE = [0]


def call(path, data=None, headers=None):
    """Asks as a browser does, accepting gzip; WIRE[0] is what came over the wire, the body is returned unpacked."""
    headers = dict(headers or {}, **{"Accept-Encoding": "gzip"})
    req = urllib.request.Request(BASE + path, data=None if data is None else urllib.parse.urlencode(data).encode(), headers=headers)
    try:
        r = web.open(req)
    except urllib.error.HTTPError as e:
        r = e
    raw = r.read()
    WIRE[0] = len(raw)
    if r.headers.get("Content-Encoding") == "gzip":
        raw = gzip.decompress(raw)
    return r.status, raw.decode(), r.headers


def csrf():
    return next(c.value for c in jar if c.name == "cl_csrf")


def measure(open_path, actions):
    call("/")
    status, body, headers = call(open_path, {"_csrf": csrf()})
    sandbox = urllib.parse.urlparse(headers["Location"]).path
    status, page, _ = call(sandbox)
    page_wire = WIRE[0]
    held = dict(PART.findall(page))
    shown = lambda: re.search(r'name="version" value="(\d+)"', page_now[0])
    page_now = [page]
    print(f"{open_path}: page {len(page.encode())} bytes ({page_wire} gzipped)")
    for name, path, form in actions:
        form = dict(form, version=shown().group(1)) if shown() else form  # a page before versions sends none
        hdr = {"HX-Request": "true", "X-CSRF-Token": csrf(), "X-Parts": ",".join(f"{k}={v}" for k, v in held.items())}
        status, body, _ = call(sandbox + path, form, hdr)
        wire = WIRE[0]
        swapped = PART.findall(body)
        held.update(dict(swapped))
        page_now[0] = call(sandbox)[1]
        top = r'(?:<template>)?<(?:div|tbody) id="(part-[^"]+)"[^>]* data-hx-swap-oob'  # what the answer swaps; parts inside them are not
        sizes = [(m.group(1), len(m.group(0).encode())) for m in re.finditer(top + r'.*?(?=' + top + r'|\Z)', body, re.S)]
        print(f"  {name:<22} {status}  {len(body.encode()):>7} bytes ({wire:>6} gzipped)  parts: {' '.join(k[5:] + ':' + str(n) for k, n in sizes)}")


def actions(zone, *more):
    """The same kinds of action in every sandbox: add a VM, fail a zone, undo, redo, a refusal, place a user."""
    vm = {"op": "add-vm", "form": "add-vm", "vcpus": "1", "memoryGiB": "1", "diskGiB": "1", "policy": "first-fit", "state": "running"}
    return [("add a VM", "/do", dict(vm, id="vm-x")), ("fail a zone", "/do", {"op": "fail", "form": "break", "id": zone}),
            ("undo", "/undo", {}), ("redo", "/redo", {}), ("refused add a VM", "/do", dict(vm, id="vm-y", vcpus="999")), *more,
            ("place a user", "/do", {"op": "place-user", "form": "user", "name": "dublin", "lat": "53.3", "lon": "-6.2"})]


measure("/lessons/putting-it-together/sandboxes/0", actions("use1-az1"))
measure("/lessons/putting-it-together/challenges/shop-survives-zone-failure", actions("euw1-az1", ("check my design", "/check", {})))
