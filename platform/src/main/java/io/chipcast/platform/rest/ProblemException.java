package io.chipcast.platform.rest;

import io.chipcast.contracts.validation.Violation;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Ends a request with a problem response; thrown by services for conditions the client can act on. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(Response.Status.NOT_FOUND, "not-found", detail));
    }

    /** A well-formed request that breaks a rule only the service can check (an unknown ruling to lift, ...). */
    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(Problem.invalid(422, "invalid-request", List.of(new Violation(field, message))));
    }

    /** A request beyond one of chipcast's bounds on size (body bytes, bulk items): 413, the whole document named. */
    public static ProblemException tooLarge(String detail) {
        return new ProblemException(Problem.invalid(413, "too-large",
                List.of(new Violation(Violation.WHOLE_DOCUMENT, detail))));
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(Problem.invalid(400, "invalid-request", List.of(new Violation(field, message))));
    }

    public Problem problem() {
        return problem;
    }
}
