package io.chipcast.contracts.kafka;

/**
 * The headers a record carries on a {@code <topic>.dlq} topic besides its own (SPEC section 2: "the
 * reason in a header"): why its consumer refused it, and where it was.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "dlq-reason";
    public static final String ORIGINAL_TOPIC = "dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "dlq-original-offset";

    private DeadLetterHeaders() {
    }
}
