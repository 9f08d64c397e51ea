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

func main() { os.Exit(mainWith(settings{})) }

// mainWith runs the command line of the process until SIGINT or SIGTERM.
func mainWith(set settings) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return runWith(ctx, os.Args[1:], os.Stdout, os.Stderr, set)
}
