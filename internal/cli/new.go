package cli

func (e *env) newFile(args []string) int {
	e.errorf("\"showcase new\" is not available yet")
	return exitUsage
}
