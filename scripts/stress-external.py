#!/usr/bin/env python3
"""Another program edits the scores file while an evaluator scores, for many rounds, with
kill -9 between some of them: counts what was kept and what was lost.

    scripts/stress-external.py [--rounds N] [--kill-every K] [--interval-ms MS] [BINARY]

Each round opens `appraise` on the English sample in a detached tmux pane (120×40), presses a
score key on the item the round owns (items cycle), while a writer thread rewrites the scores
file every MS milliseconds by rename (a note on the first item, `script vN`, N counting up).
Then the round either quits (`q`) or, every K-th round, is killed with SIGKILL right after the key
echoed; the next round starts on whatever is on disk (journal replay included). At the end it
checks, from the scores file: every score the evaluator typed is there (the last one per item),
the writer's last note is there, no `.conflict` file was made (the two never touch the same
field), and the file is valid. Prints the counts (rounds, kills, writer edits, lost edits).
Needs tmux. Everything lives in a temp dir.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ITEMS = [
    "overview.objectives",
    "delivery.children.summer-reading",
    "delivery.children.early-years.attendance",
    "delivery.children.early-years.volunteers",
    "delivery.adults.digital",
]
SCORES = "english-sample.scores.json"


def tmux(*args):
    return subprocess.run(["tmux", *args], capture_output=True, text=True)


def screen(session):
    return tmux("capture-pane", "-p", "-t", session).stdout


def wait(pred, what, limit=30.0, session=None):
    end = time.time() + limit
    while time.time() < end:
        if pred():
            return
        time.sleep(0.02)
    shown = screen(session) if session else ""
    raise SystemExit(f"stress: timed out waiting for {what}\n{shown}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=60)
    ap.add_argument("--kill-every", type=int, default=3)
    ap.add_argument("--interval-ms", type=int, default=50)
    ap.add_argument("binary", nargs="?", default=os.path.join(ROOT, "target", "release", "appraise"))
    a = ap.parse_args()
    binary = os.path.realpath(a.binary)
    work = tempfile.mkdtemp(prefix="appraise-stress-")
    shutil.copy(os.path.join(ROOT, "fixtures", "english-sample.json"), work)
    path = os.path.join(work, SCORES)
    env = f"HOME={work} XDG_DATA_HOME={work}/data XDG_CONFIG_HOME={work}/config LANG=C.UTF-8"

    stop = threading.Event()
    version = [0]
    pause = threading.Lock()

    def writer():
        while not stop.is_set():
            time.sleep(a.interval_ms / 1000)
            with pause:
                try:
                    with open(path, encoding="utf-8") as f:
                        doc = json.load(f)
                except (OSError, ValueError):
                    continue
                version[0] += 1
                for e in doc["items"]:
                    if e["id"] == ITEMS[0]:
                        e["note"] = f"script v{version[0]}"
                tmp = path + ".by-script"
                with open(tmp, "w", encoding="utf-8") as f:
                    json.dump(doc, f, ensure_ascii=False, indent=2)
                os.replace(tmp, path)

    typed = {}
    kills = 0
    started = False
    t = threading.Thread(target=writer, daemon=True)
    for r in range(a.rounds):
        session = f"stress{os.getpid()}r{r}"
        tmux("new", "-d", "-s", session, "-x", "120", "-y", "40", f"cd {work} && {env} {binary} english-sample.json; sleep 30")
        wait(lambda: "Outline" in screen(session), "the first frame", session=session)
        if not started:
            # The writer starts once there is a file to edit.
            tmux("send-keys", "-t", session, "5")
            wait(lambda: os.path.exists(path), "the first save")
            typed[ITEMS[0]] = 5
            t.start()
            started = True
        item = 1 + r % (len(ITEMS) - 1)
        tmux("send-keys", "-t", session, ":")
        tmux("send-keys", "-t", session, "-l", ITEMS[item])
        tmux("send-keys", "-t", session, "Enter")
        wait(lambda: f"{ITEMS[item]} ·" in screen(session), f"item {ITEMS[item]}")
        score = 1 + r % 3
        before = screen(session)
        tmux("send-keys", "-t", session, str(score))
        wait(lambda: screen(session) != before, "the key's echo")
        typed[ITEMS[item]] = score
        if a.kill_every and (r + 1) % a.kill_every == 0:
            pid = int(tmux("display", "-p", "-t", session, "#{pane_pid}").stdout.strip())
            kids = subprocess.run(["pgrep", "-P", str(pid), "-x", "appraise"], capture_output=True, text=True).stdout.split()
            for k in kids:
                os.kill(int(k), signal.SIGKILL)
            kills += 1
        else:
            pid = int(tmux("display", "-p", "-t", session, "#{pane_pid}").stdout.strip())
            tmux("send-keys", "-t", session, "q")
            running = lambda: subprocess.run(["pgrep", "-P", str(pid), "-x", "appraise"], capture_output=True).returncode == 0
            wait(lambda: not running(), "the exit")
        tmux("kill-session", "-t", session)
    # A last round replays the last journal, then quits.
    stop.set()
    t.join()
    session = f"stress{os.getpid()}last"
    with pause:
        tmux("new", "-d", "-s", session, "-x", "120", "-y", "40", f"cd {work} && {env} {binary} english-sample.json; sleep 30")
        wait(lambda: "Outline" in screen(session), "the last frame")
        time.sleep(1.5)
        tmux("send-keys", "-t", session, "q")
        time.sleep(1.5)
        tmux("kill-session", "-t", session)
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    got = {e["id"]: e for e in doc["items"]}
    lost = [i for i, v in typed.items() if got[i]["score"] != v]
    note_ok = got[ITEMS[0]]["note"] == f"script v{version[0]}"
    conflicts = [n for n in os.listdir(work) if ".conflict" in n]
    print(f"rounds: {a.rounds} ({kills} ended by kill -9), writer edits: {version[0]} "
          f"every {a.interval_ms} ms, evaluator edits: {a.rounds + 1}")
    print(f"lost evaluator edits: {len(lost)} {lost}; writer's last note kept: {note_ok}; "
          f"conflict files: {len(conflicts)}")
    shutil.rmtree(work)
    raise SystemExit(0 if not lost and note_ok and not conflicts else 1)


if __name__ == "__main__":
    main()
