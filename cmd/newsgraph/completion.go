package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/urfave/cli/v2"
)

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell script that completes newsgraph's commands and flags",
		ArgsUsage: "bash|zsh|fish",
		Description: `Prints the completion script of a shell. Bash and zsh ask newsgraph itself for the
commands and flags that fit where the cursor is; fish gets a complete list.

   source <(newsgraph completion bash)                           # this bash session
   newsgraph completion bash > ~/.local/share/bash-completion/completions/newsgraph
   newsgraph completion zsh > "${fpath[1]}/_newsgraph"           # then restart zsh
   newsgraph completion fish > ~/.config/fish/completions/newsgraph.fish`,
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageErrorf("completion needs one shell: bash, zsh or fish")
			}
			return writeCompletion(c.App, c.App.Writer, c.Args().First())
		},
	}
}

// writeCompletion writes the completion script of shell for app.
func writeCompletion(app *cli.App, w io.Writer, shell string) error {
	var script string
	switch shell {
	case "bash":
		script = bashCompletion
	case "zsh":
		script = zshCompletion
	case "fish":
		s, err := app.ToFishCompletion()
		if err != nil {
			return fmt.Errorf("fish completion: %w", err)
		}
		script = s
	default:
		msg := fmt.Sprintf("no completion for shell %q (want bash, zsh or fish)", shell)
		if sug := closest(shell, []string{"bash", "zsh", "fish"}); len(sug) > 0 {
			msg += "; did you mean " + strings.Join(sug, " or ") + "?"
		}
		return usageErrorf("%s", msg)
	}
	_, err := io.WriteString(w, strings.ReplaceAll(script, "$PROG", app.Name))
	return err
}

// bashCompletion and zshCompletion are urfave/cli v2.27's
// autocomplete/bash_autocomplete and zsh_autocomplete (MIT License,
// Copyright (c) 2022 urfave/cli maintainers), with $PROG the program's
// name. They run the command line typed so far with
// --generate-bash-completion, which cli answers with the names that fit.
const bashCompletion = `# bash completion for $PROG; from urfave/cli v2 (MIT License)

# Macs have bash3 for which the bash-completion package doesn't include
# _init_completion. This is a minimal version of that function.
_cli_init_completion() {
  COMPREPLY=()
  _get_comp_words_by_ref "$@" cur prev words cword
}

_cli_bash_autocomplete() {
  if [[ "${COMP_WORDS[0]}" != "source" ]]; then
    local cur opts base words
    COMPREPLY=()
    cur="${COMP_WORDS[COMP_CWORD]}"
    if declare -F _init_completion >/dev/null 2>&1; then
      _init_completion -n "=:" || return
    else
      _cli_init_completion -n "=:" || return
    fi
    words=("${words[@]:0:$cword}")
    if [[ "$cur" == "-"* ]]; then
      requestComp="${words[*]} ${cur} --generate-bash-completion"
    else
      requestComp="${words[*]} --generate-bash-completion"
    fi
    opts=$(eval "${requestComp}" 2>/dev/null)
    COMPREPLY=($(compgen -W "${opts}" -- ${cur}))
    return 0
  fi
}

complete -o bashdefault -o default -o nospace -F _cli_bash_autocomplete $PROG
`

const zshCompletion = `#compdef $PROG
# zsh completion for $PROG; from urfave/cli v2 (MIT License)

_cli_zsh_autocomplete() {
  local -a opts
  local cur
  cur=${words[-1]}
  if [[ "$cur" == "-"* ]]; then
    opts=("${(@f)$(${words[@]:0:#words[@]-1} ${cur} --generate-bash-completion)}")
  else
    opts=("${(@f)$(${words[@]:0:#words[@]-1} --generate-bash-completion)}")
  fi

  if [[ "${opts[1]}" != "" ]]; then
    _describe 'values' opts
  else
    _files
  fi
}

compdef _cli_zsh_autocomplete $PROG
`
