#!/usr/bin/env python3
# timehist.py FILE [WINDOW_MS]: perf sched timehist -> per window, per thread group: run ms and scheduling delay ms
import re, sys, collections
f = sys.argv[1]; win = float(sys.argv[2]) / 1000 if len(sys.argv) > 2 else 0.25
def group(name):
    n = re.sub(r'\[.*', '', name)
    if n.startswith('postgres'): return 'pg'
    if n.startswith('registration-wr'): return 'writers'
    if n.startswith('ForkJoinPool-1'): return 'carriers'
    if 'Compiler' in n: return 'jit'
    if n.startswith('<idle>'): return 'idle'
    if n.startswith('http-nio'): return 'tomcat'
    if n.startswith(('keep-alive', 'registrations', 'readers', 'HttpClient', 'rush')): return 'generator'
    if n.startswith(('GC ', 'G1 ', 'VM Thread')): return 'gc/vm'
    return 'other'
run = collections.defaultdict(float); delay = collections.defaultdict(float); t0 = None
for line in open(f):
    p = line.split()
    if len(p) < 6 or not re.match(r'^\d+\.\d+$', p[0]): continue
    t = float(p[0]); t0 = t0 or t
    w = int((t - t0) / win)
    name = ' '.join(p[2:-3]); g = group(name)
    run[(w, g)] += float(p[-1]); delay[(w, g)] += float(p[-2])
groups = ['writers', 'pg', 'carriers', 'tomcat', 'jit', 'gc/vm', 'generator', 'other', 'idle']
print('window   ' + ' '.join('%15s' % g for g in groups) + '   (run ms / sched delay ms)')
for w in range(max(k[0] for k in run) + 1):
    print('%6d ms ' % (w * win * 1000) + ' '.join('%7.0f/%-7.0f' % (run[(w, g)], delay[(w, g)]) for g in groups))
