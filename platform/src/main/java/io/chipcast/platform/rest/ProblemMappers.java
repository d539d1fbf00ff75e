package io.chipcast.platform.rest;

import io.chipcast.contracts.validation.InvalidPayloadException;
import io.chipcast.contracts.validation.MalformedPayloadException;
import io.chipcast.platform.persistence.DatabaseFailures;
import io.chipcast.platform.service.NotFoundException;
import io.chipcast.platform.service.NotReadyException;
import io.chipcast.platform.service.RuleViolationException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of every chipcast API is {@code application/problem+json} (SPEC section 5): invalid
 * input names its fields, nothing internal leaks, a database that cannot be reached is a 503 to
 * retry, and an unexpected failure is a logged 500.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response invalidPayload(InvalidPayloadException e, UriInfo uri) {
        int status = e instanceof MalformedPayloadException ? 400 : 422;
        return Problem.invalid(status, status == 400 ? "malformed-request" : "invalid-request", e.violations())
                .at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return e.problem().at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return ProblemException.notFound(e.getMessage()).problem().at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolationException e, UriInfo uri) {
        return ProblemException.unprocessable(e.field(), e.getMessage()).problem().at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response notReady(NotReadyException e, UriInfo uri) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "not-ready", e.getMessage()).at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(Response.Status.FORBIDDEN, "forbidden", "this token does not grant access to " + uri.getPath())
                .at(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        return new Problem("https://chipcast.io/problems/http-" + status.getStatusCode(), status.getReasonPhrase(),
                status.getStatusCode(), e.getMessage(), uri.getPath(), null).toResponse();
    }

    /** Any other failure — a Throwable too: the reactive PostgreSQL client fails with some that are not exceptions. */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseFailures.isUnavailable(e)) {
            // Not a defect: the database restarts or cannot be reached; the client may simply retry.
            LOG.warnf("the database is unavailable serving %s: %s", uri.getPath(), e.toString());
            return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "database-unavailable",
                            "the database does not answer at the moment; try again shortly").at(uri.getPath()).toResponse())
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        LOG.errorf(e, "unexpected failure serving %s", uri.getPath());
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error",
                "the request could not be completed; it has been logged").at(uri.getPath()).toResponse();
    }

    private static Response unauthenticated(UriInfo uri) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "unauthorized",
                        "a valid bearer token is required").at(uri.getPath()).toResponse())
                .header("WWW-Authenticate", "Bearer").build();
    }
}
