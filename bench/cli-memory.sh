#!/bin/sh
# Peak memory (maximum resident set size) and wall time of the command line on large generated files.
#
#   sh bench/cli-memory.sh [dist/cli/main.js] [/tmp/cs-metrics-large]
#
# Generates the files (scripts/generate-large.mjs) into the directory when they are missing, then runs each
# command once under /usr/bin/time -v. Large files are never committed: keep the directory out of the tree.
set -eu
CLI=${1:-dist/cli/main.js}
DIR=${2:-/tmp/cs-metrics-large}
mkdir -p "$DIR"
gen() { [ -f "$DIR/$2" ] || node scripts/generate-large.mjs "$1" "$3" "$DIR/$2"; }
gen subscriptions subscriptions-1m.csv 1000000
gen customers customers-1m.csv 1000000
gen tickets tickets-1m.csv 1000000
gen accounts accounts-1m.csv 1000000
gen survey survey-10m.csv 10000000

measure() {
  name=$1
  shift
  /usr/bin/time -v node "$CLI" "$@" >"$DIR/$name.out" 2>"$DIR/$name.time" || {
    echo "$name: failed"
    tail -n 30 "$DIR/$name.time"
    return 0
  }
  rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$DIR/$name.time")
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$DIR/$name.time")
  printf '%-10s peak RSS %5d MB   wall %s   node %s %s\n' "$name" $((rss / 1024)) "$wall" "$CLI" "$*"
}

measure mrr mrr "$DIR/subscriptions-1m.csv" --rates examples/data/exchange-rates.json --json
measure churn churn "$DIR/customers-1m.csv" --json
measure cohorts cohorts "$DIR/customers-1m.csv" --json
measure lifetime lifetime "$DIR/customers-1m.csv" --arpa 210 --json
measure support support "$DIR/tickets-1m.csv" --json
measure health health "$DIR/accounts-1m.csv" --scorecard examples/data/scorecard.json
measure health-json health "$DIR/accounts-1m.csv" --scorecard examples/data/scorecard.json --json
measure nps nps "$DIR/survey-10m.csv" --json
