#!/bin/bash
# usage: run.sh NAME JAR [extra server java options]     (env: REPO=/work/main OUT=/tmp/rush10)
# Session 10's shortened opening rush under the bench lock: JFR (profile) on the server, cpu.py sampling the server's
# and its PostgreSQL's CPU ticks every second. Outputs: OUT/NAME.txt (the bench's report), NAME.jfr, NAME.ticks.
NAME=$1; JAR=$2; shift 2; EXTRA="$*"
REPO=${REPO:-/work/main}; OUT=${OUT:-/tmp/rush10}; TOOLS=$(cd "$(dirname "$0")" && pwd)
# the bench runs the jar extracted into /tmp/paddock-bench-app-*; run whole (PADDOCK_BENCH_FAT_JAR=true), it is JAR
PREFIX=/tmp/paddock-bench-app-; [ "$PADDOCK_BENCH_FAT_JAR" = true ] && PREFIX=$JAR
mkdir -p "$OUT"; cd "$REPO" || exit 1
OPTS="-Xmx2g -Xms2g -XX:+AlwaysPreTouch -XX:MaxTenuringThreshold=1 -XX:StartFlightRecording=filename=$OUT/$NAME.jfr,settings=profile $EXTRA"
echo "start $(date -u +%T) load $(cat /proc/loadavg)" > $OUT/$NAME.txt
flock /tmp/paddock-bench.lock bash -c "echo locked \$(date -u +%T) load \$(cat /proc/loadavg); python3 $TOOLS/cpu.py $OUT/$NAME.ticks $PREFIX & S=\$!; ./mvnw -q -pl bench -am compile exec:exec@rush -Drush.args=\"--start-app true --jar $JAR --athletes 8000 --half-life 2s --places 2000 --accounts 800 --window 20s --lead 40s --server-java-options '$OPTS'\"; kill \$S" >> $OUT/$NAME.txt 2>&1
echo "end $(date -u +%T) rc $? load $(cat /proc/loadavg)" >> $OUT/$NAME.txt
