# jit.py: the server JVM's CPU split between its JIT compiler threads and the rest (session 13).
#   python3 jit.py sample OUT [JAR_PREFIX]   every second: epoch, then ticks per thread name (digits as N) of the java
#                                            process whose -jar starts with JAR_PREFIX (/tmp/paddock-bench-app-)
#   python3 jit.py report OUT OPENING        per second from OPENING-12 to OPENING+15 (OPENING: epoch seconds or
#                                            2026-11-22T22:09:31): compiler ticks / other ticks, then the first 10 s
# Ticks are 1/100 s of CPU (utime + stime from /proc/PID/task/*/stat); 100 a second = one core.
import os, re, sys, time, calendar
def sample(out, prefix):
    def server():
        for p in os.listdir('/proc'):
            if not p.isdigit(): continue
            try:
                c = open('/proc/%s/cmdline' % p, 'rb').read().split(b'\0')
                if c[0].endswith(b'/java') and b'-jar' in c and c[c.index(b'-jar') + 1].startswith(prefix.encode()):
                    return p
            except Exception: pass
    with open(out, 'w') as w:
        while True:
            s = server()
            if not s: time.sleep(0.5); continue
            agg = {}
            for t in os.listdir('/proc/%s/task' % s) if os.path.isdir('/proc/%s/task' % s) else []:
                try:
                    st = open('/proc/%s/task/%s/stat' % (s, t)).read()
                    name = re.sub(r'\d+', 'N', st[st.index('(') + 1:st.rindex(')')]).replace(' ', '_')
                    rest = st[st.rindex(')') + 2:].split()
                    agg[name] = agg.get(name, 0) + int(rest[11]) + int(rest[12])
                except Exception: pass
            w.write('%.2f %s\n' % (time.time(), ' '.join('%s=%d' % kv for kv in sorted(agg.items())))); w.flush()
            time.sleep(1)
def report(out, opening):
    o = float(opening) if opening.replace('.', '').isdigit() else calendar.timegm(time.strptime(opening.rstrip('Z'), '%Y-%m-%dT%H:%M:%S'))
    prev = None; first = [0, 0]; line = []
    for l in open(out):
        p = l.split(); t = float(p[0])
        jit = sum(int(v) for k, v in (x.split('=') for x in p[1:]) if 'Compiler' in k)
        rest = sum(int(v) for k, v in (x.split('=') for x in p[1:]) if 'Compiler' not in k)
        if prev and o - 12 <= t < o + 16:
            d = (jit - prev[0], rest - prev[1]); line.append('%d:%d/%d' % (int(t - o), d[0], d[1]))
            if 0 <= t - o < 10: first[0] += d[0]; first[1] += d[1]
        prev = (jit, rest)
    print(' '.join(line))
    print('first 10 s: compilers %d ticks, other threads %d (compilers %.0f%% of the JVM)' % (first[0], first[1], 100.0 * first[0] / max(1, sum(first))))
if sys.argv[1] == 'sample': sample(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else '/tmp/paddock-bench-app-')
else: report(sys.argv[2], sys.argv[3])
