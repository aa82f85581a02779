#!/usr/bin/env python3
"""Power-cut durability harness (issue 21): see README.md beside it.

Runs the real server under shim.so, which records every write and fsync to the data folder;
drives writers that remember when each write was acknowledged; SIGKILLs the server; then, for
each of CUTS random cut points, rebuilds the folder as a power cut at that instant would leave
it (the folder before the run plus, per file, only what the file had synced by then), and checks
that every write acknowledged before the cut is there and that verify-log passes.
"""
import hashlib, json, os, random, shutil, signal, socket, sqlite3, struct, subprocess, sys, tempfile, threading, time, urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DLL = os.environ.get("GOVERNANCE_DLL", os.path.join(REPO, "api/bin/Debug/net10.0/Governance.Api.dll"))
CUTS = int(os.environ.get("POWERCUT_CUTS", "6"))
SECONDS = float(os.environ.get("POWERCUT_SECONDS", "4"))
WRITERS = int(os.environ.get("POWERCUT_WRITERS", "6"))
SEED = int(os.environ.get("POWERCUT_SEED", "21"))
# Stop at the first failing cut point, checking the latest first: for showing that a server
# which does not sync fails (the test of the harness), one failing cut is the whole answer.
FAIL_FAST = os.environ.get("POWERCUT_FAIL_FAST") == "1"
MIN_ACKED = int(os.environ.get("POWERCUT_MIN_ACKED", "5"))
# A seeded folder to start from (the state before the run). When it does not exist yet, the
# harness seeds it there and keeps it, so a second run (PowerCutTests' synchronous=OFF one)
# skips the seeding start-up.
BASE = os.environ.get("POWERCUT_BASE")
# Keep each cut point's rebuilt folder here (as cut-N) and leave verify-log to the caller:
# PowerCutTests verifies them in its own process, with the code verify-log runs, instead of a
# `dotnet verify-log` start-up per cut point (4–7 s each at a load average of 30–50).
KEEP_CUTS = os.environ.get("POWERCUT_KEEP_CUTS")
# The smallest demo: the writers need an area to propose in, nothing more. (A lottery draw and
# the issues' ballots cost seconds of a start-up on a loaded machine and prove nothing here.)
SETTINGS = ["--Demo:Members=10", "--Demo:Seed=7", "--Demo:PastLotteryDraws=0", "--Demo:Issues=false", "--RateLimits:AnonymousRequestsPerSecond=100000",
            "--RateLimits:MemberRequestsPerSecond=100000", "--RateLimits:SignInAttemptsPerMinute=100000",
            "--Logging:LogLevel:Default=Warning"]


T0 = time.monotonic()


def phase(what):
    """Where the wall time goes (CI's 60 s budget): seconds since the start, and the load average."""
    with open("/proc/loadavg") as f:
        load = f.read().split()[0]
    print(f"[{time.monotonic() - T0:6.1f} s, load {load}] {what}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(folder, env=None):
    port = free_port()
    p = subprocess.Popen(["dotnet", "exec", DLL, "serve", "--urls", f"http://127.0.0.1:{port}", f"--Storage:DataDirectory={folder}", *SETTINGS],
                         env={**os.environ, "DOTNET_ENVIRONMENT": "Testing", "ASPNETCORE_ENVIRONMENT": "Testing", **(env or {})},
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    for _ in range(900):
        try:
            with urllib.request.urlopen(base + "/health", timeout=5) as r:
                if r.status == 200:
                    return p, base
        except Exception:
            time.sleep(0.2)
    p.kill()
    raise SystemExit("the server did not start")


def post(base, path, body, headers=None):
    req = urllib.request.Request(base + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json", **(headers or {})}, method="POST")
    with urllib.request.urlopen(req, timeout=60) as r:
        return r.status, dict(r.headers), json.loads(r.read() or b"null")


def token_for(base, handle):
    _, headers, body = post(base, "/api/account/register", {"handle": handle, "displayName": handle, "email": f"{handle}@example.org", "password": "correct horse battery"})
    cookie = [c.split(";")[0] for c in headers.get("Set-Cookie", "").split(", ") if c.startswith("gov_session=")][0]
    _, _, made = post(base, "/api/tokens", {"name": "powercut", "scopes": ["read", "propose"]}, {"Cookie": cookie, "X-CSRF-Token": body["csrfToken"]})
    return made["token"]


def load(base, acked, stop):
    # Registered side by side: each registration hashes a password, seconds at a high load.
    tokens = [None] * WRITERS

    def register(i):
        tokens[i] = token_for(base, f"cut{i}")

    registering = [threading.Thread(target=register, args=(i,)) for i in range(WRITERS)]
    for t in registering:
        t.start()
    for t in registering:
        t.join()
    if None in tokens:
        raise SystemExit("registering the writers failed")
    _, _, areas = post(base, "/graphql", {"query": "{ areas { id children { id } } }"}, {"Authorization": "Bearer " + tokens[0]})
    area = [c["id"] for a in areas["data"]["areas"] for c in a["children"]][0]

    def writer(i, token):
        n = 0
        while not stop.is_set():
            title = f"Power cut {i}-{n}"
            n += 1
            try:
                status, _, body = post(base, "/graphql", {"query": "mutation($a: ID!, $t: String!) { propose(input: { area: $a, title: $t, body: \"b\" }) { proposal { id } } }",
                                                          "variables": {"a": area, "t": title}}, {"Authorization": "Bearer " + token})
            except Exception:
                return
            if status == 200 and body.get("data", {}).get("propose", {}).get("proposal"):
                acked.append((time.monotonic_ns(), title))

    threads = [threading.Thread(target=writer, args=(i, t)) for i, t in enumerate(tokens)]
    for t in threads:
        t.start()
    return threads


def read_log(path):
    ops = []
    with open(path, "rb") as f:
        data = f.read()
    i = 0
    while i + 25 <= len(data):
        # The SIGKILL may land while the shim appends a record: a torn last record is not one.
        op = chr(data[i]); t, plen = struct.unpack_from("<QI", data, i + 1)
        if i + 13 + plen + 12 > len(data):
            break
        p = data[i + 13:i + 13 + plen].decode()
        offset, n = struct.unpack_from("<QI", data, i + 13 + plen)
        start = i + 13 + plen + 12
        if start + n > len(data):
            break
        ops.append((op, t, p, offset, data[start:start + n])); i = start + n
    return ops


def rebuild(base_dir, ops, cut, target, folder):
    """The folder as a power cut just before ops[cut] leaves it: per file, what it had synced."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(base_dir, target)
    last_sync = {}
    for k in range(cut):
        if ops[k][0] == "S":
            last_sync[ops[k][2]] = k
    for k in range(cut):
        op, _, path, offset, data = ops[k]
        if path.endswith("-shm") or op == "S":
            continue  # the shared-memory index is rebuilt from the WAL; it is not durable state
        durable = op == "U" or k < last_sync.get(path, -1)
        if not durable:
            continue
        local = os.path.join(target, os.path.relpath(path, folder))
        if op == "U":
            if os.path.exists(local):
                os.remove(local)
        elif op == "T":
            with open(local, "r+b" if os.path.exists(local) else "w+b") as f:
                f.truncate(offset)
        else:
            with open(local, "r+b" if os.path.exists(local) else "w+b") as f:
                f.seek(offset)
                f.write(data)
    for name in os.listdir(target):
        if name.endswith("-shm"):
            os.remove(os.path.join(target, name))


def build_shim(work):
    """shim.c compiled once per version of it (a few seconds of gcc at a high load), kept in the temporary folder."""
    with open(os.path.join(HERE, "shim.c"), "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()[:16]
    shim = os.path.join(tempfile.gettempdir(), f"governance-powercut-shim-{digest}.so")
    if not os.path.exists(shim):
        building = os.path.join(work, "shim.so")
        subprocess.run(["gcc", "-shared", "-fPIC", "-O2", "-o", building, os.path.join(HERE, "shim.c"), "-ldl", "-lpthread"], check=True)
        os.replace(building, shim)  # the work folder is in the same temporary folder: atomic
    return shim


def main():
    drop = os.environ.get("POWERCUT_DROP_SYNC") == "1"
    unsynced = os.environ.get("POWERCUT_SYNCHRONOUS_OFF") == "1"
    work = tempfile.mkdtemp(prefix="governance-powercut-")
    folder, base_dir, target, log = (os.path.join(work, n) for n in ("data", "base", "cut", "writes.log"))
    os.mkdir(folder)
    shim = build_shim(work)
    phase("shim built")
    try:
        if BASE and os.path.exists(os.path.join(BASE, "governance.db")):
            shutil.copytree(BASE, base_dir)
            os.rmdir(folder)
            shutil.copytree(BASE, folder)
            phase(f"seeded folder copied from {BASE}")
        else:
            server, base = start(folder)            # seeds the demo organisation
            phase("seeded (first start)")
            server.send_signal(signal.SIGTERM); server.wait()
            shutil.copytree(folder, base_dir)
            if BASE:
                shutil.copytree(folder, BASE + ".tmp", dirs_exist_ok=True)
                os.replace(BASE + ".tmp", BASE)
        env = {"LD_PRELOAD": shim, "POWERCUT_DIR": folder + "/", "POWERCUT_LOG": log}
        if drop:
            env["POWERCUT_DROP_SYNC"] = "1"
        if unsynced:
            env["GOVERNANCE_UNSAFE_SQLITE_SYNCHRONOUS_OFF"] = "1"
        server, base = start(folder, env)
        phase("started under the shim")
        acked, stop = [], threading.Event()
        threads = load(base, acked, stop)
        phase("writers registered, writing")
        time.sleep(SECONDS)
        # On a loaded machine a few seconds may acknowledge nothing, and a run without
        # acknowledged writes proves nothing either way: wait for some (at most a minute more).
        waited = time.monotonic()
        while len(acked) < MIN_ACKED and time.monotonic() - waited < 60:
            time.sleep(0.2)
        server.kill(); server.wait()                # SIGKILL mid-load
        stop.set()
        for t in threads:
            t.join()
        ops = read_log(log)
        phase(f"killed; {len(acked)} acknowledged, {len(ops)} operations recorded")
        rng = random.Random(SEED)
        cuts = sorted(rng.sample(range(1, len(ops) + 1), min(CUTS - 1, len(ops))) + [len(ops)])
        failures = 0
        checked = 0
        for cut in (reversed(cuts) if FAIL_FAST else cuts):
            at = ops[cut][1] if cut < len(ops) else 2 ** 63
            must = {title for t, title in acked if t < at}
            if KEEP_CUTS:
                target = os.path.join(KEEP_CUTS, f"cut-{cut}")
            rebuild(base_dir, ops, cut, target, folder)
            db = sqlite3.connect(os.path.join(target, "governance.db"))
            have = {r[0] for r in db.execute("SELECT title FROM proposals WHERE title LIKE 'Power cut %'")}
            db.close()
            lost = must - have
            checked += 1
            if lost and FAIL_FAST:
                failures += 1
                phase(f"cut {cut}/{len(ops)}: {len(must)} acknowledged before it, {len(lost)} lost (verify-log not run: failing already)")
                break
            if KEEP_CUTS:
                failures += bool(lost)
                phase(f"cut {cut}/{len(ops)}: {len(must)} acknowledged before it, {len(lost)} lost, folder kept for verify-log ({target})")
                continue
            verify = subprocess.run(["dotnet", "exec", DLL, "verify-log", "--data", target], capture_output=True, text=True)
            ok = not lost and verify.returncode == 0
            failures += not ok
            phase(f"cut {cut}/{len(ops)}: {len(must)} acknowledged before it, {len(lost)} lost, verify-log {'ok' if verify.returncode == 0 else 'FAILED: ' + (verify.stdout + verify.stderr).strip()[:200]}")
            if failures and FAIL_FAST:
                break
        print(f"{checked} cut points over {len(ops)} recorded writes and syncs, {len(acked)} acknowledged writes, {failures} failing" + (" (fsyncs dropped)" if drop else "") + (" (synchronous=OFF)" if unsynced else ""))
        return 1 if failures else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
