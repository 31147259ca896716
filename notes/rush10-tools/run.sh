#!/bin/bash
# usage: run.sh NAME JAR [extra server java options]
NAME=$1; JAR=$2; shift 2; EXTRA="$*"
cd /work/wt-rush10
OPTS="-Xmx2g -Xms2g -XX:+AlwaysPreTouch -XX:MaxTenuringThreshold=1 -XX:StartFlightRecording=filename=/tmp/rush10/$NAME.jfr,settings=profile $EXTRA"
echo "start $(date -u +%T) load $(cat /proc/loadavg)" > /tmp/rush10/$NAME.txt
flock /tmp/paddock-bench.lock bash -c "echo locked \$(date -u +%T) load \$(cat /proc/loadavg); python3 /tmp/rush10/cpu.py /tmp/rush10/$NAME.ticks & S=\$!; ./mvnw -q -pl bench -am compile exec:exec@rush -Drush.args=\"--start-app true --jar $JAR --athletes 8000 --half-life 2s --places 2000 --accounts 800 --window 20s --lead 40s --server-java-options '$OPTS'\"; kill \$S" >> /tmp/rush10/$NAME.txt 2>&1
echo "end $(date -u +%T) rc $? load $(cat /proc/loadavg)" >> /tmp/rush10/$NAME.txt
