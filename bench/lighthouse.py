"""5. Lighthouse (mobile) scores for a page of every kind, the frozen build served by nginx with docs/nginx.conf."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from bench.common import BENCH, CATEGORIES, CHROME_FLAGS, CHROMIUM, TARGET_LIGHTHOUSE, Results, Scale, say


def ensure_lighthouse() -> Path:
    binary = BENCH / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        say("   installing Lighthouse (npm ci --prefix bench)...")
        done = subprocess.run(["npm", "ci", "--prefix", str(BENCH), "--no-audit", "--no-fund"],
                              capture_output=True, text=True, timeout=600)
        if done.returncode != 0 or not binary.exists():
            raise RuntimeError(f"npm ci --prefix bench failed: {done.stderr.strip()[-300:]}")
    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"no Chromium at {CHROMIUM}: apt-get install -y chromium")
    return binary


def failed_audits(report: dict, category: str) -> list[str]:
    """The audits that cost the category points, heaviest first."""
    refs = report["categories"][category]["auditRefs"]
    lost = []
    for ref in refs:
        audit = report["audits"].get(ref["id"], {})
        score = audit.get("score")
        if ref.get("weight", 0) > 0 and score is not None and score < 1:
            shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
            lost.append((ref["weight"] * (1 - score), f"{ref['id']}{shown}: {audit.get('title', '')}"))
    return [text for _, text in sorted(lost, reverse=True)]


def bench_lighthouse(results: Results, build: Path, scratch: Path, scale: Scale) -> None:
    say("5. Lighthouse (mobile) on the frozen build, served by nginx with docs/nginx.conf on loopback")
    binary = ensure_lighthouse()
    from app.nginx import serving

    folder = scratch / "nginx-lighthouse"
    folder.mkdir()
    with serving(build, folder) as ports:
        for name, path in scale.lighthouse_pages:
            url = f"https://127.0.0.1:{ports['https']}{path}"
            output = scratch / f"lighthouse-{name}.json"
            command = [str(binary), url, f"--chrome-flags={CHROME_FLAGS}", "--form-factor=mobile",
                       "--output=json", f"--output-path={output}", "--quiet",
                       f"--only-categories={','.join(CATEGORIES)}"]
            done = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM}, capture_output=True,
                                  text=True, timeout=240)
            if done.returncode != 0 or not output.is_file():
                raise RuntimeError(f"lighthouse failed on {path}: {(done.stderr or done.stdout).strip()[-400:]}")
            report = json.loads(output.read_text())
            if report.get("runtimeError"):
                raise RuntimeError(f"lighthouse on {path}: {report['runtimeError']}")
            scores = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
            metrics = {key: report["audits"][key].get("displayValue", "")
                       for key in ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time",
                                   "cumulative-layout-shift", "speed-index") if key in report["audits"]}
            lost = {c: failed_audits(report, c) for c in CATEGORIES if scores[c] < TARGET_LIGHTHOUSE}
            results.lighthouse[name] = {"path": path, "scores": scores, "metrics": metrics, "lost": lost}
            say(f"   {name:<9} {path:<45} " + "  ".join(f"{c} {scores[c]}" for c in CATEGORIES))
            for category, audits in lost.items():
                for audit in audits[:5]:
                    say(f"      {category}: {audit}")
