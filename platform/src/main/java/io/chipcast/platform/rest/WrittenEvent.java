package io.chipcast.platform.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a successful write adds to the object it answers with (SPEC section 5, {@code EventBodies}):
 * the event it caused. For the OpenAPI document, where a write's answer is its payload and this.
 */
@Schema(description = "The event a write caused")
public record WrittenEvent(
        @Schema(description = "The event's ce_id", format = "uuid") String eventId,
        @Schema(description = "The event's ce_type") String eventType) {
}
