#!/usr/bin/env python3
"""Whole-process benchmark of gclint on synthetic tenants (tests/bench/gen_tenant.py).

For each scale it prints files/s, MB/s, peak RSS, the stage split reported by `--timings`, and the ratio of a full
scan to a `--parse-only` run over the same files, measured side by side in one run. It also measures start-up with
the embedded rule pack and a scan of five small files.

  run_bench.py --gclint build/release/gclint --scales 1,10,100
  run_bench.py --gclint build/test/gclint --smoke      # CI: smallest size, no timing assertions
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
STAGES = ("discover", "parse", "evaluate", "check", "report")


CPU = {}  # command tuple -> best user+sys seconds, for machines where other work distorts wall time


def run(cmd, repeat):
    """Runs cmd `repeat` times; returns (best wall seconds, max peak RSS KiB, last exit code, last stderr)."""
    best, peak, code, err, cpu = None, 0, None, "", None
    for _ in range(repeat):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        err = proc.stderr.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.stderr.close()
        code = os.waitstatus_to_exitcode(status)
        best = wall if best is None else min(best, wall)
        used = usage.ru_utime + usage.ru_stime
        cpu = used if cpu is None else min(cpu, used)
        peak = max(peak, usage.ru_maxrss)
    CPU[tuple(cmd)] = cpu
    return best, peak, code, err


def write_count_module(root, instances):
    """One root module whose resources are expanded `instances` times by count and for_each."""
    os.makedirs(root, exist_ok=True)
    with open(os.path.join(root, "main.tf"), "w") as f:
        f.write(f"""variable "instances" {{
  default = {instances}
}}

locals {{
  names = {{ for i in range(var.instances) : format("app-%05d", i) => i }}
}}

resource "aws_subnet" "app" {{
  count             = var.instances
  vpc_id            = "vpc-0123456789abcdef0"
  cidr_block        = cidrsubnet("10.0.0.0/8", 16, count.index)
  availability_zone = count.index % 2 == 0 ? "ap-northeast-1a" : "ap-northeast-1c"
  tags = {{
    Name    = "app-${{count.index}}"
    gc-tier = "mynumber"
  }}
}}

resource "aws_ebs_volume" "data" {{
  for_each          = local.names
  availability_zone = "ap-northeast-1a"
  size              = 100
  encrypted         = each.value % 3 != 0
  tags              = {{ Name = each.key }}
}}
""")


def write_module_count(root, instances):
    """One root module calling a local module `instances` times with count: each instance adds two resources."""
    os.makedirs(os.path.join(root, "app"), exist_ok=True)
    with open(os.path.join(root, "main.tf"), "w") as f:
        f.write(f"""module "app" {{
  source = "./app"
  count  = {instances}
  name   = format("app-%05d", count.index)
}}
""")
    with open(os.path.join(root, "app", "main.tf"), "w") as f:
        f.write("""variable "name" {}

resource "aws_s3_bucket" "logs" {
  bucket = "${var.name}-logs"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "ap-northeast-1a"
  size              = 100
  tags              = { Name = var.name }
}
""")


def stage_split(stderr):
    split = {}
    for stage in STAGES:
        m = re.search(rf"\b{stage}\b\D*?([0-9]+(?:\.[0-9]+)?)\s*ms", stderr)
        if m:
            split[stage] = float(m.group(1))
    return split


def input_stats(root):
    files, size, tf_bytes = 0, 0, 0
    for dirpath, _, names in os.walk(root):
        for n in names:
            p = os.path.join(dirpath, n)
            s = os.path.getsize(p)
            files += 1
            size += s
            if n.endswith(".tf") or n.endswith(".tfvars"):
                tf_bytes += s
    return files, size, tf_bytes


def check_exit(code, what, err):
    if code not in (0, 1):
        sys.stderr.write(f"{what}: gclint exited {code}\n{err}\n")
        sys.exit(1)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gclint", required=True)
    ap.add_argument("--scales", default="1,10")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--instances", default="2000,20000", help="count/for_each sizes for the evaluation linearity run")
    ap.add_argument("--jobs", type=int, default=0, help="--jobs passed to gclint (0 = its default)")
    ap.add_argument("--workdir", default=None)
    ap.add_argument("--smoke", action="store_true", help="smallest size, one run, correctness only")
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args()

    scales = [1] if args.smoke else [int(s) for s in args.scales.split(",")]
    repeat = 1 if args.smoke else args.repeat
    workdir = args.workdir or tempfile.mkdtemp(prefix="gclint-bench-")
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    results = {"scales": []}

    for scale in scales:
        tenant = os.path.join(workdir, f"tenant-{scale}x")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_tenant.py"), "--scale", str(scale), "--out", tenant],
                       check=True)
        files, size, tf_bytes = input_stats(tenant)
        full = [args.gclint, "scan", tenant, "--format", "json", "--output", os.devnull, "--timings", "--no-color"] + jobs
        parse = full + ["--parse-only"]
        # Interleave so both see the same machine state.
        f_wall, f_rss, f_code, f_err = run(full, repeat)
        check_exit(f_code, f"full scan {scale}x", f_err)
        p_wall, p_rss, p_code, p_err = run(parse, repeat)
        check_exit(p_code, f"parse-only {scale}x", p_err)
        f_cpu, p_cpu = CPU[tuple(full)], CPU[tuple(parse)]
        row = {
            "scale": scale, "files": files, "bytes": size, "terraform_bytes": tf_bytes,
            "full_s": f_wall, "parse_only_s": p_wall, "ratio_full_to_parse": f_wall / p_wall if p_wall else None,
            "full_cpu_s": f_cpu, "parse_only_cpu_s": p_cpu,
            "cpu_ratio_full_to_parse": f_cpu / p_cpu if p_cpu else None,
            "files_per_s": files / f_wall, "mb_per_s": size / f_wall / 1e6,
            "peak_rss_kib": f_rss, "rss_over_input": f_rss * 1024 / size, "split_ms": stage_split(f_err),
        }
        results["scales"].append(row)
        print(f"{scale:>4}x  {files:>6} files  {size / 1e6:8.2f} MB  full {f_wall * 1000:9.1f} ms  "
              f"parse-only {p_wall * 1000:9.1f} ms  ratio {row['ratio_full_to_parse']:.2f}  "
              f"{row['files_per_s']:9.0f} files/s  {row['mb_per_s']:7.2f} MB/s  "
              f"RSS {f_rss / 1024:8.1f} MiB ({row['rss_over_input']:.1f}x input)")
        print(f"       cpu (user+sys): full {f_cpu * 1000:.1f} ms  parse-only {p_cpu * 1000:.1f} ms  "
              f"ratio {row['cpu_ratio_full_to_parse']:.2f}")
        if row["split_ms"]:
            print("       split: " + "  ".join(f"{k} {v:.1f} ms" for k, v in row["split_ms"].items()))

    if len(results["scales"]) > 1:
        base = results["scales"][0]
        for row in results["scales"][1:]:
            growth = row["full_s"] / base["full_s"]
            print(f"linearity: {row['scale']}x input took {growth:.2f}x the {base['scale']}x time")

    # Evaluation of expanded resources: one root whose count/for_each make N instances of each resource, and one
    # root calling a local module N times with count.
    counts = [200] if args.smoke else [int(c) for c in args.instances.split(",")]
    for key, writer, label in (("instances", write_count_module, "count/for_each"),
                               ("module_instances", write_module_count, "module count")):
        results[key] = []
        for n in counts:
            root = os.path.join(workdir, f"{key}-{n}")
            writer(root, n)
            cmd = [args.gclint, "scan", root, "--format", "json", "--output", os.devnull, "--timings",
                   "--no-color"] + jobs
            wall, rss, code, err = run(cmd, repeat)
            check_exit(code, f"{label} {n}", err)
            results[key].append({"instances": n, "wall_s": wall, "cpu_s": CPU[tuple(cmd)], "peak_rss_kib": rss,
                                 "split_ms": stage_split(err)})
            print(f"{label:>14} {n:>6} instances x2: wall {wall * 1000:9.1f} ms  cpu {CPU[tuple(cmd)] * 1000:9.1f} ms  "
                  f"RSS {rss / 1024:7.1f} MiB")
        if len(results[key]) > 1:
            a, b = results[key][0], results[key][-1]
            print(f"{label} linearity: {b['instances'] / a['instances']:.0f}x instances took "
                  f"{b['cpu_s'] / a['cpu_s']:.2f}x the cpu time")

    # Start-up with the embedded rule pack, and a pre-commit-sized scan of five small files.
    startup, _, code, err = run([args.gclint, "checks", "--format", "json"], max(repeat, 5))
    check_exit(code, "checks", err)
    small = os.path.join(workdir, "small")
    os.makedirs(small, exist_ok=True)
    tenant1 = os.path.join(workdir, f"tenant-{scales[0]}x")
    picked = []
    for dirpath, _, names in sorted(os.walk(tenant1)):
        for n in sorted(names):
            if n.endswith((".tf", ".yaml")) and len(picked) < 5 and "modules" not in dirpath:
                picked.append(os.path.join(dirpath, n))
    five, _, code, err = run([args.gclint, "scan", "--format", "json", "--output", os.devnull] + picked, max(repeat, 5))
    check_exit(code, "five files", err)
    results["startup_s"] = startup
    results["five_files_s"] = five
    print(f"start-up (gclint checks, embedded pack): {startup * 1000:.1f} ms;  scan of 5 small files: {five * 1000:.1f} ms")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)
    print("smoke run complete" if args.smoke else "benchmark complete")


if __name__ == "__main__":
    main()
