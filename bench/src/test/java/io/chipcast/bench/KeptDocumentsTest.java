package io.chipcast.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeptDocumentsTest {

    @Test
    void givesBackEveryDocumentInOrderAcrossChunks() {
        Random random = new Random(15);
        List<byte[]> documents = new ArrayList<>();
        KeptDocuments kept = new KeptDocuments();
        // 40 MB in all, with one document larger than a chunk: three chunks and more.
        for (int i = 0; i < 20_000; i++) {
            byte[] document = new byte[i == 7_000 ? 20 << 20 : random.nextInt(2_000)];
            random.nextBytes(document);
            documents.add(document);
            kept.add(document);
        }

        List<byte[]> back = kept.toList();

        assertThat(back).hasSameSizeAs(documents);
        for (int i = 0; i < documents.size(); i++) {
            assertThat(back.get(i)).as("document %d", i).isEqualTo(documents.get(i));
        }
    }
}
