"""docs/nginx.conf, filled in for a host, and real nginx serving a build with it on loopback.

One place for both, so the test of the example (tests/test_gate_nginx.py), the benchmarks (bench/) and
an organisation's package serve the site exactly as the example says.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parent.parent / "docs" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def fill_in(config: str, root: Path, server_name: str | None = None, http: str | None = None,
            https: str | None = None, certificate: Path | None = None, key: Path | None = None,
            ipv6: bool = True) -> str:
    """The example with a host's values: the build's folder, its name, where to listen, its certificate."""
    replacements = [(r"root \S+;", f"root {root};")]
    if server_name:
        replacements.append((r"server_name \S+;", f"server_name {server_name};"))
    if not ipv6:
        replacements.append((r"listen \[::\]:\d+[^;]*;\n\s*", ""))
    if http:
        replacements.append((r"listen 80;", f"listen {http};"))
    if https:
        replacements.append((r"listen 443 ssl http2;", f"listen {https} ssl http2;"))
    if certificate:
        replacements.append((r"ssl_certificate \S+;", f"ssl_certificate {certificate};"))
    if key:
        replacements.append((r"ssl_certificate_key \S+;", f"ssl_certificate_key {key};"))
    for pattern, new in replacements:
        config, count = re.subn(pattern, new, config)
        if not count:
            raise ValueError(f"docs/nginx.conf no longer has {pattern!r}: update app/nginx.py")
    return config


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def serving(site: Path, folder: Path, workers: int = 1):
    """Real nginx with the example serving site on two free loopback ports, over TLS with a certificate
    made for the occasion; yields {"http": port, "https": port}. Stopped again afterwards."""
    if not Path(NGINX).exists():
        raise RuntimeError("nginx is missing: apt-get install nginx (bin/test does)")
    key, certificate = folder / "key.pem", folder / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                    "/CN=127.0.0.1", "-keyout", str(key), "-out", str(certificate)],
                   check=True, capture_output=True)
    ports = {"http": free_port(), "https": free_port()}
    site_config = fill_in(EXAMPLE.read_text(encoding="utf-8"), site.resolve(), http=f"127.0.0.1:{ports['http']}",
                          https=f"127.0.0.1:{ports['https']}", certificate=certificate, key=key, ipv6=False)
    temp_paths = "\n".join(f"{name}_temp_path {folder / name};" for name in
                           ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    conf = folder / "nginx.conf"
    # user root: the workers read the build where it lies (a private temporary folder, say)
    conf.write_text(f"user root;\nworker_processes {workers};\nerror_log stderr warn;\npid {folder / 'nginx.pid'};\n"
                    f"events {{ worker_connections 1024; }}\nhttp {{\n{temp_paths}\n{site_config}\n}}\n",
                    encoding="utf-8")
    check = subprocess.run([NGINX, "-t", "-p", str(folder), "-c", str(conf)], capture_output=True, text=True)
    if check.returncode != 0:
        raise RuntimeError(f"nginx refused the example: {check.stderr.strip()}")
    with (folder / "stderr.log").open("w") as log:
        server = subprocess.Popen([NGINX, "-p", str(folder), "-c", str(conf), "-g", "daemon off;"], stderr=log)
        try:
            deadline = time.monotonic() + 10
            while True:
                try:
                    socket.create_connection(("127.0.0.1", ports["https"]), timeout=0.2).close()
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise RuntimeError(f"nginx did not start: {(folder / 'stderr.log').read_text()[-500:]}")
                    time.sleep(0.05)
            yield ports
        finally:
            server.terminate()
            server.wait(timeout=10)
