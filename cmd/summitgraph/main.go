// Command summitgraph turns the mandates of the Summits of the Americas into
// a knowledge graph and serves it over GraphQL. Run "summitgraph help" for
// the commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
