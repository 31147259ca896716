#!/usr/bin/env python3
# offcpu.py PERF_SCRIPT_OUTPUT [MIN_MS] [FILTER]: the longest off-CPU periods (switched out, then back in) with the
# kernel stack at the switch out; FILTER: a regex on the task name (default postgres|registration)
import re, sys
path = sys.argv[1]; min_ms = float(sys.argv[2]) if len(sys.argv) > 2 else 50; flt = re.compile(sys.argv[3] if len(sys.argv) > 3 else 'postgres|registration')
out = {}; periods = []; t0 = None
head = re.compile(r'^\s*(\S.*?)\s+(\d+)\s+\[(\d+)\]\s+(\d+\.\d+):\s+sched:sched_switch:\s+prev_comm=(.*?) prev_pid=(\d+) prev_prio=\d+ prev_state=(\S+) ==> next_comm=(.*?) next_pid=(\d+)')
cur = None
for line in open(path, errors='replace'):
    m = head.match(line)
    if m:
        t = float(m.group(4)); t0 = t0 or t
        prev, pid, state, nxt, npid = m.group(5), m.group(6), m.group(7), m.group(8), m.group(9)
        if npid in out:
            s = out.pop(npid)
            d = (t - s[0]) * 1000
            if d >= min_ms: periods.append((d, (s[0] - t0) * 1000, s[1], s[2], npid, s[3]))
        cur = None
        if flt.search(prev):
            cur = [t, prev, state, []]; out[pid] = cur
        continue
    if cur is not None and line.strip():
        fn = line.split()[1] if len(line.split()) > 1 else line.strip()
        if len(cur[3]) < 14: cur[3].append(fn)
for d, start, comm, state, pid, stack in sorted(periods, reverse=True)[:40]:
    print('%7.1f ms off from %7.1f ms  %s[%s] %s: %s' % (d, start, comm, pid, state, ' < '.join(stack)))
