// Command showcase builds the Party-building brand showcase: a static site
// from one Markdown file per brand. Run "showcase help" for its commands.
package main

import (
	"context"
	"os"
	"os/signal"

	"showcase/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
