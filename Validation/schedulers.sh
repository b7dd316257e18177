#!/usr/bin/env bash
# The README's two recipes for sweeps beyond one machine, run for real on a small sweep: a
# SLURM job array on a single-node cluster started on localhost (slurmctld, slurmd, munge),
# and GNU parallel with every shard writing one shared folder. Each merged result must equal
# the unsharded sweep byte for byte. Needs root and Debian's slurm-wlm, munge and parallel
# (`.ci/run` installs them); run it with `make schedulers`.
set -euo pipefail
cd "$(dirname "$0")/.."
numasim_dir=${NUMASIM_DIR:-$PWD/.build/release}
[ -x "$numasim_dir/numasim" ] || { echo "schedulers: no $numasim_dir/numasim (make release)" >&2; exit 1; }
for tool in slurmctld slurmd sbatch munged parallel; do
  command -v "$tool" >/dev/null || { echo "schedulers: $tool is missing: apt-get install -y slurm-wlm munge parallel" >&2; exit 1; }
done
export PATH="$numasim_dir:$PATH"
work=$(mktemp -d /tmp/numasim-schedulers.XXXXXX)
export SLURM_CONF="$work/slurm.conf"
started_munge=0
cleanup() {
  scontrol shutdown >/dev/null 2>&1 || true
  for _ in $(seq 20); do pgrep -f "$SLURM_CONF" >/dev/null || break; sleep 0.5; done
  pkill -f "$SLURM_CONF" 2>/dev/null || true
  [ "$started_munge" = 1 ] && pkill -x munged 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The sweep: 4 points x 2 replicates of 150 ms on a small two-node machine.
cat > "$work/small-sweep.yaml" <<'CONFIG'
name: small-sweep
machine:
  nodes:
    - {memory: 512MiB, cpus: 2}
    - {memory: 512MiB, cpus: 2}
warmup: 100ms
duration: 150ms
workload:
  - {name: cache, arrival: {poisson: 400000}, kind: file_clean}
  - {name: heap, arrival: {poisson: 20000}, kind: anon, lifetime: "exponential(mean=0.05)"}
sweep:
  grid:
    sysctl.vm.min_free_kbytes: {log: [4096, 65536], points: 4}
  replicates: 2
  seed: 7
CONFIG
cd "$work"
numasim sweep small-sweep.yaml --no-progress --output runs/whole >/dev/null

same() {  # same LABEL DIR: DIR's tables equal the unsharded sweep's
  for f in sweep-plan.csv sweep.csv sweep-summary.csv; do
    cmp -s "runs/whole/$f" "$2/$f" || { echo "schedulers: $1: $f differs from the unsharded sweep" >&2; exit 1; }
  done
  echo "schedulers: $1: merged files equal the unsharded sweep, byte for byte"
}

# A single-node SLURM cluster on localhost.
mkdir -p state/ctld state/d /run/munge
chown munge:munge /run/munge
if ! pgrep -x munged >/dev/null; then runuser -u munge -- /usr/sbin/munged; started_munge=1; fi
host=$(hostname -s)
cat > "$SLURM_CONF" <<CONF
ClusterName=numasim-ci
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
StateSaveLocation=$work/state/ctld
SlurmdSpoolDir=$work/state/d
SlurmctldPidFile=$work/state/ctld.pid
SlurmdPidFile=$work/state/d.pid
SlurmctldLogFile=$work/state/ctld.log
SlurmdLogFile=$work/state/d.log
ReturnToService=2
MpiDefault=none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$(nproc) State=UNKNOWN
PartitionName=ci Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF"
for _ in $(seq 60); do sinfo -h -o %T 2>/dev/null | grep -qx idle && break; sleep 1; done
sinfo -h -o %T | grep -qx idle || { echo "schedulers: slurmd never became idle:" >&2; cat state/*.log >&2; exit 1; }

# The README's job array (each task writing its own folder), then the merge.
cat > array.sh <<'JOB'
#!/bin/sh
#SBATCH --array=0-3 --cpus-per-task=1
numasim sweep small-sweep.yaml --jobs 1 \
    --shard $((SLURM_ARRAY_TASK_ID+1))/$SLURM_ARRAY_TASK_COUNT --output runs/wm-$SLURM_ARRAY_TASK_ID
JOB
sbatch --wait --quiet array.sh || { echo "schedulers: the job array failed:" >&2; cat slurm-*.out >&2; exit 1; }
numasim merge runs/wm-* --output runs/wm >/dev/null
same "SLURM job array (4 tasks)" runs/wm

# The README's GNU parallel recipe: every shard into one shared folder, then the merge.
parallel numasim sweep small-sweep.yaml --jobs 1 --no-progress --shard {}/4 --output runs/par ::: 1 2 3 4 >/dev/null
numasim merge runs/par >/dev/null
same "GNU parallel (4 shards, one folder)" runs/par
