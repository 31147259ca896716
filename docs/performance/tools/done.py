#!/usr/bin/env python3
# done.py FILE [BUCKET_MS] [UNTIL_MS]: answers per bucket of completion time (due + latency), and the backlog then
import csv, sys
f = sys.argv[1]; b = float(sys.argv[2]) if len(sys.argv) > 2 else 250; until = float(sys.argv[3]) if len(sys.argv) > 3 else 4000
rows = list(csv.DictReader(open(f)))
done = {}; due = {}
for r in rows:
    if not r['latency_ms']: continue
    d = float(r['due_ms']); c = d + float(r['latency_ms'])
    done.setdefault(int(c // b), []).append(r['first'][:9]); due[int(d // b)] = due.get(int(d // b), 0) + 1
backlog = 0
for k in range(0, int(until // b)):
    n = len(done.get(k, [])); backlog += due.get(k, 0) - n
    kinds = {}
    for x in done.get(k, []): kinds[x] = kinds.get(x, 0) + 1
    print('%5.0f ms: due %4d answered %4d (%6.0f/s) backlog %5d  %s' % (k * b, due.get(k, 0), n, n * 1000 / b, backlog,
          ' '.join('%s=%d' % kv for kv in sorted(kinds.items()))))
