#!/usr/bin/env python3
# machine.py OUT SECONDS: every 100 ms, /proc/stat's cpu jiffies (user nice system idle iowait irq softirq steal) and
# procs_running, plus ticks of the server JVM (cpu.py's rule: the bench's extracted jar), all postgres, the bench
# generator JVM (RushBench) and everything else
import os, sys, time
from cpu import is_server
out = open(sys.argv[1], 'w'); end = time.time() + float(sys.argv[2])
def kind(pid):
    try:
        c = open('/proc/%s/cmdline' % pid, 'rb').read().replace(b'\0', b' ').decode(errors='replace')
    except Exception: return None
    if is_server(c): return 'server'
    if 'RushBench' in c: return 'bench'
    try: n = open('/proc/%s/comm' % pid).read().strip()
    except Exception: return None
    return 'pg' if n == 'postgres' else 'other'
kinds = {}; pids = []; scanned = 0
while time.time() < end:
    t = time.time()
    if t - scanned > 1:
        pids = [p for p in os.listdir('/proc') if p.isdigit()]; scanned = t
    stat = open('/proc/stat').read().splitlines()
    cpu = stat[0].split()[1:9]
    running = [l for l in stat if l.startswith('procs_running')][0].split()[1]
    ticks = {'server': 0, 'pg': 0, 'bench': 0, 'other': 0}
    for p in pids:
        k = kinds.get(p) or kind(p)
        if not k: continue
        kinds[p] = k
        try:
            st = open('/proc/%s/stat' % p).read(); f = st[st.rindex(')') + 2:].split()
            ticks[k] += int(f[11]) + int(f[12])
        except Exception: pass
    out.write('%.3f %s %s %d %d %d %d\n' % (t, ' '.join(cpu), running, ticks['server'], ticks['pg'], ticks['bench'], ticks['other']))
    out.flush()
    time.sleep(max(0, 0.1 - (time.time() - t)))
