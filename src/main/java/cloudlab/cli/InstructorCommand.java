package cloudlab.cli;

import cloudlab.store.Database;
import cloudlab.workshop.Instructors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;

/**
 * {@code cloud-lab instructor add NAME}: makes an instructor account. The password is prompted
 * for (twice) at a terminal, or read from the first line of standard input or of
 * {@code --password-file} for scripts. It is never printed or stored in clear.
 */
@Command(name = "instructor", mixinStandardHelpOptions = true, description = "Manage instructor accounts.",
        subcommands = {InstructorCommand.Add.class})
final class InstructorCommand implements Runnable {
    @ParentCommand
    CloudLabCommand parent;

    @Override
    public void run() {
        parent.err.println("instructor: say what to do, e.g. cloud-lab instructor add NAME");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add an instructor who can sign in at /instructor.")
    static final class Add implements Callable<Integer> {
        @ParentCommand
        InstructorCommand instructor;

        @Parameters(index = "0", paramLabel = "NAME", description = "The sign-in name (letters, digits, '.', '_' or '-').")
        String name;

        @Option(names = "--admin", description = "Make the instructor an admin, who sees and regrades every workshop (the first instructor is one).")
        boolean admin;

        @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of this file.")
        Path passwordFile;

        @Mixin
        DatabaseOption db;

        @Override
        public Integer call() {
            CloudLabCommand root = instructor.parent;
            char[] password;
            try {
                password = password(root);
            } catch (IOException e) {
                root.err.println("instructor add: cannot read the password: " + e.getMessage());
                return 2;
            }
            if (password == null) return 2;
            try (Database database = Database.open(db.location)) {
                Instructors instructors = new Instructors(database);
                instructors.add(name, password, admin);
                root.out.println("Instructor " + name + " added" + (instructors.admin(name) ? " as an admin (sees every workshop)" : "")
                        + ". Sign in at /instructor.");
                return 0;
            } catch (Instructors.Refused e) {
                root.err.println("instructor add: " + e.getMessage());
                return 2;
            } finally {
                Arrays.fill(password, '\0');
            }
        }

        private char[] password(CloudLabCommand root) throws IOException {
            if (passwordFile != null) {
                if (!Files.isRegularFile(passwordFile)) {
                    root.err.println("instructor add: " + passwordFile + ": no such file");
                    return null;
                }
                String first = Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
                return first.toCharArray();
            }
            Console console = System.console();
            if (console != null) {
                char[] a = console.readPassword("Password for %s: ", name);
                char[] b = console.readPassword("Again: ");
                if (a == null || b == null || !Arrays.equals(a, b)) {
                    root.err.println("instructor add: the two passwords differ");
                    return null;
                }
                return a;
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null ? new char[0] : line.toCharArray();
        }
    }
}
