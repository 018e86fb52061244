#!/usr/bin/env bash
# The man pages agree with --help: every command atip lists has a page (man/atip-NAME.1.scd)
# that atip(1) points to, and each page's OPTIONS section defines exactly the options that
# `atip NAME --help` (and its subcommands' --help) lists; atip(1)'s GLOBAL OPTIONS are atip's
# own. Also checks that every page builds with scdoc without a warning.
# Usage: check.sh SOURCE_DIR ATIP_BINARY
set -uo pipefail
man=$1/man
atip=$2
passed=0 failed=0
ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAIL: $*"; }

# The option names of one --help text ("-j", "--jobs", …), one per line, sorted.
help_options() {
  awk '/^Options:/ { on = 1; next } /^[^ ]/ { on = 0 } on && /^  -/ { print $1 }' |
    tr ',' '\n' | grep -E '^-' | sort -u
}
# The subcommand names of one --help text.
help_subcommands() {
  awk '/^Subcommands:/ { on = 1; next } /^[^ ]/ { on = 0 } on && /^  [a-z]/ { print $1 }'
}
# The options a page defines: definition lines "*--name*, *-n* _VALUE_" in its OPTIONS and
# GLOBAL OPTIONS sections.
page_options() {
  awk '/^# / { on = ($0 == "# OPTIONS" || $0 == "# GLOBAL OPTIONS"); next } on && /^\*-/' "$1" |
    grep -oE '\*-[^*]+\*' | tr -d '*' | sed 's/\\//g' | sort -u
}
compare() {  # compare PAGE HELP-OPTIONS PAGE-OPTIONS
  local missing extra
  missing=$(comm -23 <(echo "$2") <(echo "$3"))
  extra=$(comm -13 <(echo "$2") <(echo "$3"))
  if [ -z "$missing" ] && [ -z "$extra" ]; then ok; else
    [ -n "$missing" ] && bad "$1: in --help but not in the page: $(echo $missing)"
    [ -n "$extra" ] && bad "$1: in the page but not in --help: $(echo $extra)"
  fi
}

top_help=$("$atip" --help)
compare atip.1 "$(help_options <<<"$top_help")" "$(page_options "$man/atip.1.scd")"
for command in $(help_subcommands <<<"$top_help"); do
  page=$man/atip-$command.1.scd
  if [ ! -f "$page" ]; then bad "no page $page for 'atip $command'"; continue; fi
  ok
  if grep -qF "*atip-$command*(1)" "$man/atip.1.scd"; then ok; else bad "atip.1 does not point to atip-$command(1)"; fi
  help=$("$atip" "$command" --help)
  options=$(help_options <<<"$help")
  for sub in $(help_subcommands <<<"$help"); do
    options=$(printf '%s\n%s\n' "$options" "$("$atip" "$command" "$sub" --help | help_options)" | sort -u)
    if grep -q "atip $command $sub" "$page"; then ok; else bad "$page does not describe 'atip $command $sub'"; fi
  done
  compare "atip-$command.1" "$options" "$(page_options "$page")"
done
# No page for a command atip does not have.
for page in "$man"/atip-*.1.scd; do
  name=$(basename "$page" .1.scd); name=${name#atip-}
  if grep -qx "$name" <<<"$(help_subcommands <<<"$top_help")"; then ok; else bad "$page documents no command of atip"; fi
done
for page in "$man"/*.scd; do
  if err=$(scdoc <"$page" 2>&1 >/dev/null) && [ -z "$err" ]; then ok; else bad "scdoc $(basename "$page"): $err"; fi
done
for page in atip-config.5 atip-vocabulary.5; do
  if [ -f "$man/$page.scd" ]; then ok; else bad "no $page.scd"; fi
done

echo "man pages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
