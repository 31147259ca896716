#!/usr/bin/env python3
# first.py DIR NAME...: per rush run, the registrations answered in the opening's first 250 and 500 ms (by completion
# time, from the --trace CSV) and the server JVM's JIT compiler ticks over its first ~2.5 s (cpu.py's fourth column).
# Reads DIR/NAME.csv, DIR/NAME.txt (the rush's output, for the opening) and DIR/NAME.ticks.
import csv, sys, re, time, calendar
d = sys.argv[1]
for n in sys.argv[2:]:
    rows = list(csv.DictReader(open('%s/%s.csv' % (d, n))))
    done = [float(r['due_ms']) + float(r['latency_ms']) for r in rows]
    a250 = sum(1 for x in done if x < 250); a500 = sum(1 for x in done if x < 500)
    op = re.search(r'opens at (\S+Z)', open('%s/%s.txt' % (d, n)).read()).group(1)
    opening = calendar.timegm(time.strptime(op, "%Y-%m-%dT%H:%M:%SZ"))
    ticks = [list(map(float, l.split())) for l in open('%s/%s.ticks' % (d, n)) if l.strip()]
    jit = 0; prev = None
    for r in ticks:
        if prev and 0 <= r[0] - opening <= 2.5 and len(r) > 3:
            jit += r[3] - prev[3]
        prev = r
    print('%s: answered %d in the first 250 ms, %d in 500 ms; JIT ticks in ~2 s %d' % (n, a250, a500, jit))
