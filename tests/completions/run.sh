#!/usr/bin/env bash
# Exercises completions/atip.bash the way bash calls it (COMP_WORDS, COMP_CWORD, then
# COMPREPLY) against the built atip and a catalogue made by `atip init`; checks the zsh and
# fish scripts' syntax when those shells are installed. Usage: run.sh SOURCE_DIR ATIP_BINARY
set -uo pipefail
src=$1
atip=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp XDG_CONFIG_HOME= XDG_DATA_HOME= ATIP_DB= ATIP_CONFIG= NO_COLOR=1
unset XDG_CONFIG_HOME XDG_DATA_HOME ATIP_DB ATIP_CONFIG
"$atip" init >/dev/null || { echo "atip init failed"; exit 1; }
"$atip" --db "$tmp/other.db" feeds add --no-check --title "Other" https://other.example/feed >/dev/null

# shellcheck source=/dev/null
source "$src/completions/atip.bash"

passed=0 failed=0
# complete WORD… : fills COMPREPLY for the last word, as bash would.
complete_line() {
    COMP_WORDS=("$atip" "$@")
    COMP_CWORD=$(($# ))
    COMP_LINE="atip $*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _atip
}
check() {  # check NAME EXPECTED-SPACE-SEPARATED -- WORD…
    local name=$1 expected=$2
    shift 3
    complete_line "$@"
    local got="${COMPREPLY[*]}"
    if [[ $got == "$expected" ]]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $name: completing '$*': expected '$expected', got '$got'"
    fi
}
check_has() {  # check_has NAME WORD-THAT-MUST-BE-OFFERED -- WORD…
    local name=$1 want=$2
    shift 3
    complete_line "$@"
    local w
    for w in "${COMPREPLY[@]}"; do
        [[ $w == "$want" ]] && { passed=$((passed + 1)); return; }
    done
    failed=$((failed + 1))
    echo "FAIL: $name: completing '$*': '$want' not among '${COMPREPLY[*]}'"
}

check "commands" "feeds fetch" -- fe
check "subcommands" "disable" -- feeds di
check_has "all commands" "search" -- ""
check_has "all commands" "config" -- ""
check "hidden command stays hidden" "" -- __comp
check "long option" "--jobs" -- fetch --jo
check_has "short option" "-j" -- fetch -
check_has "atip's own options after a command" "--db" -- search trata --d
check "choices" "table tsv json" -- feeds list --format ""
check "choices with a prefix" "json" -- feeds list --format j
check "choices after =" "tsv" -- stats --format = ts
check "value of an option after its value" "--format" -- feeds list --format json --fo

ids=$("$atip" feeds list --format tsv | cut -f1 | tr '\n' ' ' | sed 's/ $//')
[[ -n $ids ]] || { echo "FAIL: the catalogue has no feeds"; exit 1; }
check "feed ids" "$ids" -- feeds disable ""
check "feed ids for --feed" "$ids" -- fetch --feed ""
check "feed ids of the catalogue named by --db" "1" -- --db "$tmp/other.db" feeds enable ""
check "feed ids of the catalogue named by --db after the command" "1" -- feeds remove --db "$tmp/other.db" ""

topic=$("$atip" tags --format tsv | awk -F'\t' '$1 == "topic" { print $2; exit }')
check_has "topics from the vocabulary" "$topic" -- search trata --topic ""
country=$("$atip" tags --format tsv | awk -F'\t' '$1 == "country" { print $2; exit }')
check_has "countries from the vocabulary" "$country" -- export --country ""
check "languages" "en es" -- search x --lang e

touch "$tmp/feed-one.xml" "$tmp/feed-two.xml"
check "file names" "$tmp/feed-one.xml $tmp/feed-two.xml" -- parse "$tmp/feed-"
check "file names for a FILE option" "$tmp/feed-one.xml" -- export -o "$tmp/feed-o"

if command -v zsh >/dev/null; then
    if zsh -n "$src/completions/_atip"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: zsh -n _atip"; fi
else
    echo "zsh not installed: its script's syntax not checked"
fi
if command -v fish >/dev/null; then
    if fish -n "$src/completions/atip.fish"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: fish -n atip.fish"; fi
    # fish can run its completion for real: complete -C prints the candidates.
    got=$(PATH="$(dirname "$atip"):$PATH" fish --no-config -c "source '$src/completions/atip.fish'; complete -C 'atip feeds li'" 2>&1)
    if [[ $got == list* ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL: fish complete -C: '$got'"; fi
else
    echo "fish not installed: its script not checked"
fi

echo "completions: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
