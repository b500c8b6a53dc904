#!/usr/bin/env python3
"""Write a large evaluation folder for measuring the list view and `summary DIR`:
REPORTS generated reports of ITEMS items (`appraise gen`), three evaluators' scores files each
(70% of them finished, the rest part-way), and appraise.toml.

usage: scripts/evaluation-folder.py DIR [REPORTS=200] [ITEMS=300]   (appraise on PATH)"""
import json, random, subprocess, sys
from pathlib import Path

out = Path(sys.argv[1])
reports = int(sys.argv[2]) if len(sys.argv) > 2 else 200
items = int(sys.argv[3]) if len(sys.argv) > 3 else 300
out.mkdir(parents=True, exist_ok=True)
(out / "appraise.toml").write_text('title = "压力测试"\n', encoding="utf-8")
rng = random.Random(1)


def walk(sections):
    for s in sections:
        yield from s.get("items", [])
        yield from walk(s.get("sections", []))


for n in range(1, reports + 1):
    path = out / f"r{n:03}.json"
    subprocess.run(["appraise", "gen", "--items", str(items), "--seed", str(n), "-o", str(path)], check=True)
    report = json.loads(path.read_text(encoding="utf-8"))
    found = list(walk(report["sections"]))
    for who in ["张三", "李四", "王五"]:
        done = len(found) if rng.random() < 0.7 else rng.randrange(len(found))
        scores = {
            "format": "appraise.scores/1",
            "report": {"id": report["id"], "title": report["title"]},
            "evaluator": who,
            "updated_at": "2026-12-08T01:00:00Z",
            "items": [{"id": i["id"], "score": i["max"], "note": "", "flagged": False} for i in found[:done]],
        }
        target = out / f"r{n:03}.{who}.scores.json"
        target.write_text(json.dumps(scores, ensure_ascii=False), encoding="utf-8")
