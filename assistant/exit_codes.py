"""Exit statuses of every command (the contract in docs/cli.md), kept apart from the parser
so that the command modules do not import the command line that imports them."""

EXIT_OK = 0
EXIT_FAILED = 1  # the check or action failed
EXIT_USAGE = 2  # bad usage or bad input
EXIT_INTERRUPTED = 130  # Ctrl+C, as a shell reports SIGINT
