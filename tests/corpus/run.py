#!/usr/bin/env python3
"""Generates bindings for every botocore model that speaks the JSON protocol and `cargo check`s them.

Models: every service whose newest `service-2.json` has `protocol: json`, or lists `json` among its
`protocols` (the smithy-rpc-v2-cbor models do). Each is generated with the `cognito-codegen` CLI into
its own module of one of a few batch crates under target/corpus/, which are checked with
`cargo check`; a model whose generation fails, or whose module has compile errors, fails.
Modules with errors are dropped and the batch re-checked, so one model's errors cannot hide
another's. Prints a summary and writes target/corpus/report.json. Bindings are not kept.

Usage: tests/corpus/run.py [--batch-mb N]   (run scripts/fetch-botocore first; about 10 minutes)
"""
import argparse, collections, json, os, re, subprocess, sys, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(ROOT, "target", "botocore", "data")
WORK = os.path.join(ROOT, "target", "corpus")
CLI = os.path.join(ROOT, "target", "release", "cognito-codegen")


def json_models():
    for service in sorted(os.listdir(DATA)):
        versions = sorted(v for v in os.listdir(os.path.join(DATA, service))
                          if os.path.exists(os.path.join(DATA, service, v, "service-2.json")))
        if not versions:
            continue
        path = os.path.join(DATA, service, versions[-1], "service-2.json")
        with open(path) as f:
            meta = json.load(f)["metadata"]
        if meta["protocol"] == "json" or "json" in meta.get("protocols", []):
            yield service, path, meta["protocol"]


def module_name(service):
    return "m_" + re.sub(r"[^a-z0-9]", "_", service.lower())


def write_batch(index, members):
    crate = os.path.join(WORK, f"batch{index}")
    os.makedirs(os.path.join(crate, "src"), exist_ok=True)
    with open(os.path.join(crate, "Cargo.toml"), "w") as f:
        f.write(f"""[package]
name = "corpus-batch{index}"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
cognito-idp-runtime = {{ path = {json.dumps(os.path.join(ROOT, "codegen", "runtime"))} }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"

[workspace]
""")
    with open(os.path.join(crate, "src", "lib.rs"), "w") as f:
        for service, file in members:
            f.write(f"pub mod {module_name(service)} {{ include!({json.dumps(file)}); }}\n")
    return crate


def check(crate):
    env = dict(os.environ, CARGO_TARGET_DIR=os.path.join(WORK, "target"))
    run = subprocess.run(["cargo", "check", "--quiet", "--message-format=short"], cwd=crate, env=env,
                         capture_output=True, text=True)
    errors = [l for l in run.stderr.splitlines() if ": error" in l]
    return run.returncode == 0, errors, run.stderr


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch-mb", type=float, default=40.0)
    args = parser.parse_args()
    if not os.path.isdir(DATA):
        sys.exit("no models: run scripts/fetch-botocore first")
    subprocess.run(["cargo", "build", "--release", "--quiet", "-p", "cognito-codegen"], cwd=ROOT, check=True)
    os.makedirs(WORK, exist_ok=True)
    results, generated = {}, []
    protocols = collections.Counter()
    started = time.time()
    for service, path, protocol in json_models():
        protocols[protocol] += 1
        out = os.path.join(WORK, "out", service)
        os.makedirs(out, exist_ok=True)
        run = subprocess.run([CLI, "--model", path, "--out", out], capture_output=True, text=True)
        if run.returncode != 0:
            results[service] = {"ok": False, "stage": "generate", "detail": run.stderr.strip()[-500:]}
            continue
        file = next(os.path.join(out, f) for f in os.listdir(out) if f.endswith(".rs"))
        generated.append((service, file, os.path.getsize(file)))
    print(f"generated {len(generated)} of {sum(protocols.values())} models in {time.time() - started:.0f} s")

    batches, current, size = [], [], 0
    for service, file, bytes_ in generated:
        if current and size + bytes_ > args.batch_mb * 1e6:
            batches.append(current)
            current, size = [], 0
        current.append((service, file))
        size += bytes_
    if current:
        batches.append(current)
    for index, members in enumerate(batches):
        remaining = list(members)
        while remaining:
            crate = write_batch(index, remaining)
            ok, errors, stderr = check(crate)
            if ok:
                for service, _ in remaining:
                    results[service] = {"ok": True}
                break
            failing = {s for s, f in remaining if any(f in e for e in errors)}
            if not failing:  # an error not attributable to one file: give up on the batch
                for service, _ in remaining:
                    results[service] = {"ok": False, "stage": "check", "detail": stderr[-500:]}
                break
            for service, file in remaining:
                if service in failing:
                    first = next(e for e in errors if file in e)
                    results[service] = {"ok": False, "stage": "check", "detail": first[-500:]}
            remaining = [(s, f) for s, f in remaining if s not in failing]
        print(f"batch {index + 1}/{len(batches)} checked ({time.time() - started:.0f} s)")

    passed = sorted(s for s, r in results.items() if r["ok"])
    failed = sorted(s for s, r in results.items() if not r["ok"])
    summary = {
        "models": len(results),
        "protocols": dict(protocols),
        "passed": len(passed),
        "failed": {s: results[s] for s in failed},
        "seconds": round(time.time() - started),
    }
    with open(os.path.join(WORK, "report.json"), "w") as f:
        json.dump(summary, f, indent=2)
    print(f"{len(passed)} of {len(results)} JSON-protocol models generate and cargo check cleanly")
    for service in failed:
        print(f"  FAIL {service} ({results[service]['stage']}): {results[service]['detail'][:300]}")
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
