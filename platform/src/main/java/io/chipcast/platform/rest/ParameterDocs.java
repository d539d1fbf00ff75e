package io.chipcast.platform.rest;

/**
 * The OpenAPI descriptions of query parameters that more than one service documents — forecast-service
 * answers and the gateway passes on the same queries — written once, so that the two cannot drift.
 */
public final class ParameterDocs {

    public static final String ALERTS_SINCE = "alerts raised at or after this instant (RFC 3339; default: all)";
    public static final String ALERT_TYPES = "only these alert types (repeatable, or comma-separated)";
    public static final String ALERT_SEVERITIES = "only these severities (repeatable, or comma-separated)";
    public static final String ALERT_CUSTOMERS = "only these customers (repeatable, or comma-separated); a viewer reads its own customers only";
    public static final String PORTFOLIO_SINCE = "rank the customers whose cost moved most since this instant (RFC 3339; default: no ranking). "
            + "It reads every version of the window: its time grows with the customers moved since then";
    public static final String PORTFOLIO_TOP = "how many customers each ranking lists (1-100; default 10)";
    public static final String PORTFOLIO_CUSTOMERS = "only these customers (repeatable, or comma-separated); a viewer's portfolio is its own customers'";
    public static final String HISTORY_AFTER = "the version after which the page starts";

    private ParameterDocs() {
    }
}
