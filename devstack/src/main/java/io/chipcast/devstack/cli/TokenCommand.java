package io.chipcast.devstack.cli;

import io.chipcast.devstack.local.LocalStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "token", description = "Prints a bearer token for the local stack (SPEC section 5 roles).")
final class TokenCommand implements Callable<Integer> {

    private static final List<String> ROLES = List.of("admin", "publisher", "analyst", "viewer");

    @Option(names = "--role", required = true, paramLabel = "ROLE", description = "admin, publisher, analyst or viewer.")
    String role;

    @Option(names = "--customer", paramLabel = "ID", description = "A customer a viewer may read (repeatable).")
    List<String> customers = new ArrayList<>();

    @Option(names = "--hours", paramLabel = "N", defaultValue = "12", description = "How long the token is valid (default ${DEFAULT-VALUE}).")
    int hours;

    @Override
    public Integer call() {
        if (!ROLES.contains(role)) {
            System.err.println("--role must be one of " + String.join(", ", ROLES) + ", not " + role);
            return 2;
        }
        if (role.equals("viewer") && customers.isEmpty()) {
            System.err.println("a viewer reads only the customers it is given: add --customer ID");
            return 2;
        }
        if (hours < 1) {
            System.err.println("--hours must be at least 1");
            return 2;
        }
        System.out.println(LocalStack.tokenIssuer(ChipcastCommand.workspace()).mint(role, customers, Duration.ofHours(hours)));
        return 0;
    }
}
