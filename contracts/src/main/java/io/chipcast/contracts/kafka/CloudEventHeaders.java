package io.chipcast.contracts.kafka;

import io.chipcast.contracts.CloudEvent;
import io.chipcast.contracts.validation.InvalidPayloadException;
import io.chipcast.contracts.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** CloudEvents binary mode on Kafka: the attributes of a {@link CloudEvent} as record headers. */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    private CloudEventHeaders() {
    }

    /** Sets the CloudEvents headers of a record, replacing any present. */
    public static Headers write(CloudEvent event, Headers headers) {
        put(headers, SPEC_VERSION, CloudEvent.SPEC_VERSION);
        put(headers, ID, event.id());
        put(headers, TYPE, event.type());
        put(headers, SOURCE, event.source());
        put(headers, TIME, event.time().toString());
        put(headers, CONTENT_TYPE, CloudEvent.CONTENT_TYPE);
        return headers;
    }

    /** Reads the CloudEvents attributes of a record; a missing or malformed one is named in the exception. */
    public static CloudEvent read(Headers headers) {
        String specVersion = text(headers, SPEC_VERSION);
        if (!CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new InvalidPayloadException(new Violation(SPEC_VERSION, "must be " + CloudEvent.SPEC_VERSION));
        }
        String time = require(headers, TIME);
        try {
            return new CloudEvent(require(headers, ID), require(headers, TYPE), require(headers, SOURCE),
                    Instant.parse(time));
        } catch (DateTimeParseException e) {
            throw new InvalidPayloadException(new Violation(TIME, "must be an RFC 3339 instant"));
        }
    }

    /** The value of a header as UTF-8 text, or null when absent. */
    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String require(Headers headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidPayloadException(new Violation(name, "header is required"));
        }
        return value;
    }
}
