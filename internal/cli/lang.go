package cli

import (
	"flag"
	"fmt"
)

// langFlag defines the --lang flag of a command whose messages a branch
// secretary reads: Chinese by default, English on request.
func langFlag(fs *flag.FlagSet) *string {
	return fs.String("lang", "zh", "language of messages: zh (Chinese) or en (English)")
}

// setLang checks a --lang value and makes it the language of the
// command's messages.
func (e *env) setLang(lang string) bool {
	if lang != "zh" && lang != "en" {
		e.errorf("unknown --lang %q", lang)
		e.hintf("use zh (Chinese, the default) or en")
		return false
	}
	e.lang = lang
	return true
}

// pick returns the message in the command's language.
func (e *env) pick(zh, en string) string {
	if e.lang == "en" {
		return en
	}
	return zh
}

// fail prints an error in the command's language; zh and en are formats
// that take the same arguments. Like a finding's line, it keeps the word
// "error" in both languages, so a log can be searched for it.
func (e *env) fail(zh, en string, args ...any) {
	fmt.Fprintf(e.stderr, "showcase: error: %s\n", fmt.Sprintf(e.pick(zh, en), args...))
}

// advise prints a hint in the command's language.
func (e *env) advise(zh, en string, args ...any) {
	fmt.Fprintf(e.stderr, "showcase: %s: %s\n", e.pick("提示", "hint"), fmt.Sprintf(e.pick(zh, en), args...))
}

// caution prints a warning in the command's language.
func (e *env) caution(zh, en string, args ...any) {
	fmt.Fprintf(e.stderr, "showcase: warning: %s\n", fmt.Sprintf(e.pick(zh, en), args...))
}
