// Command marsad is an offline, Arabic-first news intelligence engine:
// raw pages in; clean articles, copies folded, events, stories, entities,
// quotes, quantities and dates out. Run `marsad --help` for the commands.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := newRoot().ExecuteContext(ctx)
	stop()
	os.Exit(exitCode(err))
}

// exitError carries an exit status: 1 when some inputs failed, 2 when
// nothing could be done.
type exitError struct {
	code int
	msg  string
}

func (e *exitError) Error() string { return e.msg }

func exitCode(err error) int {
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.msg != "" {
			fmt.Fprintln(os.Stderr, "marsad:", ee.msg)
		}
		return ee.code
	}
	fmt.Fprintln(os.Stderr, "marsad:", err)
	return 2
}
