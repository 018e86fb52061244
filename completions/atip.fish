# fish completion for atip; installed as share/fish/vendor_completions.d/atip.fish.
# The candidates, with their descriptions, come from `atip __complete -- WORD…`.

function __atip_complete
    set -l words (commandline -opc) (commandline -ct)
    set -e words[1]
    set -l out (atip __complete -- $words 2>/dev/null)
    if test "$out[1]" = ":files"
        __fish_complete_path (commandline -ct)
        return
    end
    printf '%s\n' $out
end

complete -c atip -f -a '(__atip_complete)'
