#!/usr/bin/env python3
# trace.py FILE [BUCKET_MS] [UNTIL_MS]: the rush's attempts by due time: count, p50/p99/max latency, first answers
import csv, sys
f = sys.argv[1]; b = float(sys.argv[2]) if len(sys.argv) > 2 else 500; until = float(sys.argv[3]) if len(sys.argv) > 3 else 8000
rows = list(csv.DictReader(open(f)))
lat = sorted(float(r['latency_ms']) for r in rows if r['latency_ms'])
print('all: %d, p99 %.0f ms, over 200 ms: %d' % (len(lat), lat[int(len(lat) * 0.99)], sum(1 for x in lat if x > 200)))
buckets = {}
for r in rows:
    d = float(r['due_ms'])
    if d >= until: continue
    k = int(d // b)
    buckets.setdefault(k, []).append(r)
for k in sorted(buckets):
    rs = buckets[k]; ls = sorted(float(r['latency_ms']) for r in rs if r['latency_ms'])
    kinds = {}
    for r in rs: kinds[r['first'][:12]] = kinds.get(r['first'][:12], 0) + 1
    print('%6.0f-%6.0f ms: %4d  p50 %5.0f  p99 %5.0f  max %5.0f  >200: %4d  %s' % (k * b, (k + 1) * b, len(rs),
          ls[len(ls) // 2], ls[int(len(ls) * 0.99)], ls[-1], sum(1 for x in ls if x > 200),
          ' '.join('%s=%d' % kv for kv in sorted(kinds.items()))))
