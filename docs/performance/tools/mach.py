#!/usr/bin/env python3
# mach.py NAME [DIR]: machine.py's samples (DIR/NAME.m; the opening from the rush's output DIR/NAME.txt) around the opening: per ~100 ms, % of the 2 cores user/system/softirq/idle/iowait/steal, run queue, ticks by process
import sys, re, time
name = sys.argv[1]; d = sys.argv[2] if len(sys.argv) > 2 else '.'
op = re.search(r'opens at (\S+Z)', open(d + '/' + name + '.txt').read()).group(1)
OE = time.mktime(time.strptime(op, "%Y-%m-%dT%H:%M:%SZ")) - time.timezone
rows = [l.split() for l in open(d + '/' + name + '.m')]
prev = None
for r in rows:
    t = float(r[0]); v = list(map(int, r[1:]))
    if prev:
        d = [a - b for a, b in zip(v, prev[1])]; dt = t - prev[0]
        tot = sum(d[0:8]) or 1
        pct = lambda i: 100.0 * d[i] / tot
        print('%+6.2f us %3.0f sy %3.0f si %3.0f id %3.0f wa %3.0f st %3.0f | run %2d | server %2d pg %2d bench %2d other %2d' % (
            t - OE, pct(0) + pct(1), pct(2), pct(6), pct(3), pct(4), pct(7), v[8], d[9], d[10], d[11], d[12]))
    prev = (t, v)
