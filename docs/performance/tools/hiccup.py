#!/usr/bin/env python3
# hiccup.py SECONDS OUT (session 18): every 1 ms sleep; logs gaps > 15 ms with wall time; every 100 ms /proc/stat deltas (user sys idle iowait steal)
import time,sys
end=time.time()+float(sys.argv[1]); out=open(sys.argv[2],'w')
def st():
    f=open('/proc/stat').readline().split(); return [int(x) for x in f[1:9]]
last=time.time(); lw=last; s0=st()
while time.time()<end:
    time.sleep(0.001); now=time.time(); d=(now-last)*1000
    if d>15: out.write("gap %.3f %.1f\n"%(now,d))
    last=now
    if now-lw>=0.1:
        s=st(); dd=[b-a for a,b in zip(s0,s)]
        out.write("st %.3f u%d n%d s%d i%d w%d irq%d sirq%d steal%d\n"%(now,*dd)); s0=s; lw=now
out.close()
