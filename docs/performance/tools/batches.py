#!/usr/bin/env python3
# batches.py RUSH_OUTPUT [WINDOW_MS] [UNTIL_MS]: the registration writer's batch lines (DEBUG, and the slow ones at WARN)
# from the opening on, per window: registrations written, batches, the longest batch, the longest line, the stages summed.
# RUSH_OUTPUT is what the rush printed (its 'log:' names the server's log, its 'opens at' the opening).
import re, sys, datetime
path = sys.argv[1]; win = int(sys.argv[2]) if len(sys.argv) > 2 else 250; until = int(sys.argv[3]) if len(sys.argv) > 3 else 5000
txt = open(path).read()
log = re.search(r'log: ([^)]*)', txt).group(1)
opens = datetime.datetime.fromisoformat(re.search(r'opens at (\S+Z)', txt).group(1).replace('Z', '+00:00'))
pat = re.compile(r'^(\S+Z) .*writer-(\d)\].*batch: (\d+) in (\d+) ms \(decide (\d+), places and debits (\d+), rows (\d+), events (\d+), answers (\d+), commit (\d+)\), (\d+) waiting')
w = {}
for line in open(log, errors='replace'):
    m = pat.match(line)
    if not m: continue
    t = (datetime.datetime.fromisoformat(m.group(1).replace('Z', '+00:00')) - opens).total_seconds() * 1000
    if t < 0 or t >= until: continue
    k = int(t // win); v = list(map(int, m.groups()[2:]))
    a = w.setdefault(k, [0, 0, 0, 0, [0] * 6, set()])
    a[0] += v[0]; a[1] += 1; a[2] = max(a[2], v[1]); a[3] = max(a[3], v[8])
    for i in range(6): a[4][i] += v[2 + i]
    a[5].add(m.group(2))
print('  window   written batches longest maxwait | decide places rows events answers commit (ms, summed)')
for k in sorted(w):
    a = w[k]
    print('%5d-%5d %6d %6d %6d %6d | %s' % (k * win, (k + 1) * win, a[0], a[1], a[2], a[3], ' '.join('%6d' % x for x in a[4])))
