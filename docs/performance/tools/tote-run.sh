#!/bin/bash
# One tote intake run on a fresh node (session 11): NAME "ENV VARS" RATE DURATION
#   env: REPO (/work/main), JAR (REPO/app/target/paddock.jar), OUT (/tmp/tote-runs), PORT (18095; PostgreSQL on PORT+1),
#        JOPTS (the image's heap options), EXTRA_JAVA (more server options), BENCH_EXTRA (more tote options, e.g.
#        "--warm-up 120s --accounts 600"), SAMPLE_FOR (seconds of sampling, 110), PREWAL (MiB of WAL to write by SQL
#        before the warm-up: the pre-allocation done by hand, as before PADDOCK_DB_WAL_PREALLOCATE existed)
# A fresh data directory, PADDOCK_TOTE_OPEN_BEFORE=0, the jar run extracted as the image runs it, a 20 s warm-up run
# at 2,000/s, then the measured command (its own set-up, BENCH_EXTRA's or 10 s of ramped warm-up, then RATE for
# DURATION). Meanwhile, per second: WalSampler.java (WAL files, MB written, syncs and their time, checkpoints, active
# backends' waits), vmstat, and Dirty/Writeback from /proc/meminfo; the server's G1 log.
NAME=$1; ENVS=$2; RATE=$3; DUR=$4
REPO=${REPO:-/work/main}; PORT=${PORT:-18095}; OUT=${OUT:-/tmp/tote-runs}; mkdir -p $OUT
JAR=${JAR:-$REPO/app/target/paddock.jar}
JOPTS=${JOPTS:-"-Xms2g -XX:+AlwaysPreTouch -XX:MaxTenuringThreshold=1"}
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
TOOLS=$REPO/docs/performance/tools
DATA=$OUT/data-$NAME-$$; X=$OUT/x-$NAME-$$; rm -rf $DATA $X
$JAVA -Djarmode=tools -jar $JAR extract --destination $X >/dev/null
env $ENVS PADDOCK_DB_EMBEDDED_PORT=$((PORT+1)) PADDOCK_PORT=$PORT PADDOCK_DB_DATA_DIR=$DATA PADDOCK_TOTE_OPEN_BEFORE=0 \
  $JAVA -Xmx2g $JOPTS -Xlog:gc:file=$OUT/gc-$NAME.log $EXTRA_JAVA -jar $X/$(basename $JAR) > $OUT/server-$NAME.log 2>&1 &
SPID=$!
for i in $(seq 1 180); do curl -sf localhost:$PORT/actuator/health >/dev/null && break; sleep 1; done
cd $REPO
PGJ=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | tail -1)
PGURL=jdbc:postgresql://localhost:$((PORT+1))/postgres
if [ -n "$PREWAL" ]; then
  $JAVA -cp $PGJ $TOOLS/Sql.java $PGURL \
    "select count(pg_logical_emit_message(false, 'paddock', repeat('x', 1048576))) from generate_series(1, $PREWAL)" \
    "select pg_switch_wal()" "checkpoint" "select count(*) from pg_ls_waldir()" > $OUT/prewal-$NAME.txt 2>&1
fi
./mvnw -q -pl bench -am compile exec:exec@load -Dbench.args="tote --base-url http://localhost:$PORT --rate 2000 --duration 20s --connections 1024" > $OUT/tote-$NAME-warm.txt 2>&1
(vmstat -t 1 ${SAMPLE_FOR:-110} > $OUT/vmstat-$NAME.txt 2>&1 &)
(for i in $(seq 1 ${SAMPLE_FOR:-110}); do echo "$(date -u +%T) $(grep -E '^(Dirty|Writeback):' /proc/meminfo | awk '{printf "%s %d ", $1, $2/1024}')"; sleep 1; done > $OUT/meminfo-$NAME.txt 2>&1 &)
$JAVA -cp $PGJ $TOOLS/WalSampler.java $PGURL ${SAMPLE_FOR:-110} > $OUT/sampler-$NAME.txt 2>&1 &
./mvnw -q -pl bench -am compile exec:exec@load -Dbench.args="tote --base-url http://localhost:$PORT --rate $RATE --duration $DUR --connections 1024 --server-pid $SPID $BENCH_EXTRA" > $OUT/tote-$NAME.txt 2>&1
kill $SPID; wait $SPID 2>/dev/null
rm -rf $DATA $X
grep -E "Attempted|Latency from" $OUT/tote-$NAME.txt
