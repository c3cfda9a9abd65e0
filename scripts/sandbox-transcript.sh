#!/usr/bin/env bash
# Records a real `npm start` session for the README: runs it in a detached tmux session (Hubot's
# Shell adapter needs a terminal), types the commands below, and writes what the terminal showed
# to docs/sandbox-transcript.md. Needs tmux and curl. Usage: scripts/sandbox-transcript.sh [command ...]
# In a command, {incident} stands for the newest incident's id (read from the Statuspage stand-in).
set -euo pipefail
cd "$(dirname "$0")/.."

session="sandbox-transcript-$$"
commands=("$@")
if [[ ${#commands[@]} -eq 0 ]]; then
  commands=('/status' '/status?' '/status Build Processing major: builds are delayed' '/status incidents'
            'genie' 'genie ack' 'genie note 101 deploying a fix' 'genie oncall'
            '/status update monitoring fix is out' '/status update {incident} monitoring fix is out'
            '/status resolve {incident} all good' '/status'
            '/status maintenance' '/status maintenance Database upgrade from tomorrow 22:00 for 2h on Dashboard: replicas are upgraded'
            '/status maintenance Oops from 2026-01-01 22:00 for 1h' '/status email notifications?')
fi

cleanup() { tmux kill-session -t "$session" 2>/dev/null || true; }
trap cleanup EXIT

# Only the sandbox: no real keys reach this session.
tmux new-session -d -s "$session" -x 160 -y 50 \
  "env -u HUBOT_STATUSPAGE_API_KEY -u HUBOT_OPSGENIE_API_KEY -u HUBOT_JSM_API_TOKEN npm start; sleep 30"
tmux set-option -t "$session" history-limit 5000 >/dev/null

for _ in $(seq 1 60); do
  tmux capture-pane -p -t "$session" | grep -q 'hubot>' && break
  sleep 0.5
done
statuspage=$(tmux capture-pane -p -t "$session" | grep -o 'Statuspage: sandbox http://127.0.0.1:[0-9]*' | grep -o 'http.*' || true)
newest_incident() {
  curl -s "$statuspage/__sandbox/state" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).incidents[0].id))'
}
for command in "${commands[@]}"; do
  if [[ "$command" == *'{incident}'* && -n "$statuspage" ]]; then command="${command//\{incident\}/$(newest_incident)}"; fi
  tmux send-keys -t "$session" -l "$command"
  tmux send-keys -t "$session" Enter
  sleep 2
done
tmux send-keys -t "$session" -l 'exit'
tmux send-keys -t "$session" Enter
sleep 1

{
  echo '# `npm start` in the sandbox: a real session'
  echo
  echo "Recorded with \`scripts/sandbox-transcript.sh\` on $(date -u +%Y-%m-%d): \`npm start\` under tmux, commands typed at the \`hubot>\` prompt."
  echo 'The Statuspage and OpsGenie behind it are the local stand-ins in sandbox/; nothing real was touched.'
  if [[ ! -f dist/scripts/opsgenie.js ]]; then
    echo 'NOTE: the genie commands were not merged yet when this was recorded, so `genie` got no answer.'
  fi
  echo
  echo '```'
  tmux capture-pane -p -J -S - -t "$session" | sed -e 's/[[:space:]]*$//' | grep -v 'Unknown .* config "nodedir"' | cat -s | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'
  echo '```'
} > docs/sandbox-transcript.md
echo "wrote docs/sandbox-transcript.md"
