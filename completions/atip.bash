# bash completion for atip                                   -*- shell-script -*-
# Installed as share/bash-completion/completions/atip. The candidates come from
# `atip __complete -- WORD…` (commands, options, feed ids from the catalogue, tags from the
# vocabulary), so this file never needs to change when atip gains an option.

_atip() {
    local cur=${COMP_WORDS[COMP_CWORD]}
    local prefix=
    # bash splits "--format=json" at "=": complete the value, keep what is typed.
    if [[ $cur == "=" ]]; then
        prefix="="
        cur=
    fi
    local candidates
    candidates=$("${COMP_WORDS[0]}" __complete -- "${COMP_WORDS[@]:1:COMP_CWORD}" 2>/dev/null) || return 0
    COMPREPLY=()
    if [[ $candidates == ":files"* ]]; then
        local IFS=$'\n'
        COMPREPLY=($(compgen -f -- "$cur"))
        compopt -o filenames 2>/dev/null
        return 0
    fi
    local line value
    while IFS= read -r line; do
        value=${line%%$'\t'*}
        [[ -n $value && $value == "$cur"* ]] && COMPREPLY+=("$prefix$value")
    done <<< "$candidates"
    return 0
}
complete -F _atip atip
