package io.chipcast.forecast.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.chipcast.forecast.repository.CommittedProjection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AcknowledgementsTest {

    private final Acknowledgements acknowledgements = new Acknowledgements();

    @Test
    void aWatermarkCoversOnlyPublicationsAcknowledgedTogetherWithEveryEarlierOne() {
        Acknowledgements.Publication first = acknowledgements.sending(Map.of(0, 10L, 1, 10L), versions("a:1", "b:1"));
        Acknowledgements.Publication second = acknowledgements.sending(Map.of(0, 11L), versions("a:2"));
        Acknowledgements.Publication third = acknowledgements.sending(Map.of(1, 12L), versions("b:2"));
        acknowledgements.acknowledged(first);
        acknowledgements.acknowledged(third);

        assertThat(acknowledgements.take()).isEqualTo(new Acknowledgements.ToRecord(Map.of(0, 10L, 1, 10L), Map.of()));

        acknowledgements.acknowledged(second);
        assertThat(acknowledgements.take()).isEqualTo(new Acknowledgements.ToRecord(Map.of(0, 11L, 1, 12L), Map.of()));
        assertThat(acknowledgements.take().isEmpty()).isTrue();
    }

    @Test
    void afterAFailureWhatWasAcknowledgedBeyondItIsRecordedPerCustomerExceptTheFailedOnesCustomers() {
        Acknowledgements.Publication first = acknowledgements.sending(Map.of(0, 10L), versions("a:1"));
        Acknowledgements.Publication failed = acknowledgements.sending(Map.of(0, 11L), versions("a:2"));
        Acknowledgements.Publication later = acknowledgements.sending(Map.of(0, 12L, 1, 12L), versions("a:3", "b:5"));
        acknowledgements.acknowledged(first);
        acknowledgements.failed(failed, new IllegalStateException("broker unreachable"));
        acknowledgements.acknowledged(later);
        assertThat(acknowledgements.hasFailed()).isTrue();
        assertThat(acknowledgements.take()).isEqualTo(new Acknowledgements.ToRecord(Map.of(0, 10L), Map.of()));

        acknowledgements.startOver();

        // a:2 is republished by the new run (a:3 with it, from the history); b:5 is not published again.
        assertThat(acknowledgements.hasFailed()).isFalse();
        assertThat(acknowledgements.take()).isEqualTo(new Acknowledgements.ToRecord(Map.of(), Map.of("b", 5L)));
    }

    @Test
    void aFailureOfAPublicationTheLastNewRunRepublishedDoesNotCount() {
        Acknowledgements.Publication failed = acknowledgements.sending(Map.of(0, 10L), versions("a:1"));
        Acknowledgements.Publication stillSending = acknowledgements.sending(Map.of(0, 11L), versions("a:2"));
        acknowledgements.failed(failed, new IllegalStateException("broker unreachable"));
        acknowledgements.startOver();

        acknowledgements.failed(stillSending, new IllegalStateException("timed out"));

        assertThat(acknowledgements.hasFailed()).isFalse();
        assertThat(acknowledgements.take().isEmpty()).isTrue();
    }

    @Test
    void whatTheDatabaseDidNotRecordIsTakenAgainWithWhatCameSince() {
        acknowledgements.acknowledged(acknowledgements.sending(Map.of(0, 10L), versions("a:1")));
        Acknowledgements.ToRecord notRecorded = acknowledgements.take();
        acknowledgements.acknowledged(acknowledgements.sending(Map.of(1, 11L), versions("b:1")));

        acknowledgements.putBack(notRecorded);

        assertThat(acknowledgements.take()).isEqualTo(new Acknowledgements.ToRecord(Map.of(0, 10L, 1, 11L), Map.of()));
    }

    /** "customer:version" each. */
    private static List<CommittedProjection> versions(String... customerVersions) {
        return Arrays.stream(customerVersions).map(cv -> cv.split(":"))
                .map(cv -> new CommittedProjection(cv[0], Long.parseLong(cv[1]), UUID.randomUUID(), Instant.EPOCH, "{}".getBytes(StandardCharsets.UTF_8), List.of()))
                .toList();
    }
}
