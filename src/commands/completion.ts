import type { Deps } from '../io.js';

export type Shell = 'bash' | 'zsh' | 'fish';

export interface CompletionOptions {
  shell: Shell;
}

/*
 * Each script asks `films __complete <words…>` for the candidates of the word at the cursor (as gh
 * and cobra do), so the scripts stay small and know nothing of the commands: a candidate per line,
 * a tab before its description, or `:files` alone for file names. Candidates ending in ":" (query
 * fields) take no space after them.
 */

const BASH = `# films completion for bash. Load it in ~/.bashrc:  source <(films completion bash)
_films_complete() {
  local line=\${COMP_LINE:0:COMP_POINT}
  local -a words lines
  read -r -a words <<< "$line"
  [[ $line == *[[:space:]] ]] && words+=("")
  local current=\${words[\${#words[@]}-1]}
  local IFS=$'\\n'
  lines=($("\${words[0]}" __complete "\${words[@]:1}" 2>/dev/null))
  COMPREPLY=()
  if [[ \${lines[0]} == :files ]]; then
    compopt -o default
    return
  fi
  # bash replaces only what follows the last ":" or "=" of the word (COMP_WORDBREAKS).
  local prefix=\${current%"\${current##*[:=]}"}
  local candidate
  for candidate in "\${lines[@]}"; do
    candidate=\${candidate%%$'\\t'*}
    [[ $candidate == *: ]] && compopt -o nospace
    COMPREPLY+=("\${candidate#"$prefix"}")
  done
}
complete -F _films_complete films
`;

const ZSH = `#compdef films
# films completion for zsh. Load it in ~/.zshrc, after compinit:  source <(films completion zsh)
_films() {
  local -a lines described joined
  local line value
  lines=("\${(@f)$(\${words[1]} __complete "\${(@)words[2,CURRENT]}" 2>/dev/null)}")
  if [[ \${lines[1]} == :files ]]; then
    _files
    return
  fi
  for line in "\${lines[@]}"; do
    [[ -z $line ]] && continue
    value=\${line%%$'\\t'*}
    if [[ $value == *: ]]; then
      joined+=("$value")
    elif [[ $line == *$'\\t'* ]]; then
      described+=("\${value//:/\\\\:}:\${line#*$'\\t'}")
    else
      described+=("\${value//:/\\\\:}")
    fi
  done
  (( \${#joined} )) && compadd -S '' -- "\${joined[@]}"
  (( \${#described} )) && _describe -t films 'films' described
  return 0
}
if (( $+functions[compdef] )); then compdef _films films; fi
`;

const FISH = `# films completion for fish. Load it in ~/.config/fish/config.fish:  films completion fish | source
function __films_complete
    set -l words (commandline -opc) (commandline -ct)
    set -l lines ($words[1] __complete $words[2..-1] 2>/dev/null)
    if test "$lines[1]" = ":files"
        __fish_complete_path (commandline -ct)
        return
    end
    printf '%s\\n' $lines
end
complete -c films -f -a '(__films_complete)'
`;

export const COMPLETION_SCRIPTS: Record<Shell, string> = { bash: BASH, zsh: ZSH, fish: FISH };

export async function run(options: CompletionOptions, { io }: Deps): Promise<void> {
  io.out.write(COMPLETION_SCRIPTS[options.shell]);
}
