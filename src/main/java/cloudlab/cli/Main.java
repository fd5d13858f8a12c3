package cloudlab.cli;

import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * {@code cloud-lab}: the command line (contract section 4). Exit codes: 0 done, 2 bad input,
 * 1 only for the program's own faults. Messages go to stderr, written for a person; never a
 * stack trace.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new CloudLabCommand(out, err));
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, a) -> {
            CommandLine cmd = ex.getCommandLine();
            err.println(cmd.getCommandName() + ": " + ex.getMessage());
            err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
            err.flush();
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            err.println("cloud-lab: internal error: " + ex);
            err.flush();
            return 1;
        });
        if (args.length == 0) args = new String[] {"serve"};
        return cli.execute(args);
    }
}
