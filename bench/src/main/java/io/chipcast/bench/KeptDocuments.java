package io.chipcast.bench;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Record values kept outside the heap while the stack is measured. Kept on the heap, a fan-out's
 * 174 MB of documents were copied by each of the load generator's young collections, on the same
 * two cores as the stack, in the very fan-out being measured.
 */
final class KeptDocuments {

    private static final int CHUNK = 16 << 20;

    private final List<ByteBuffer> chunks = new ArrayList<>();
    /** Per document, three ints: its chunk, its offset there, its length. */
    private int[] places = new int[3 * 1024];
    private int count;

    synchronized void add(byte[] document) {
        ByteBuffer chunk = chunks.isEmpty() ? null : chunks.get(chunks.size() - 1);
        if (chunk == null || chunk.remaining() < document.length) {
            chunk = ByteBuffer.allocateDirect(Math.max(CHUNK, document.length));
            chunks.add(chunk);
        }
        if (3 * count + 3 > places.length) {
            places = Arrays.copyOf(places, places.length * 2);
        }
        places[3 * count] = chunks.size() - 1;
        places[3 * count + 1] = chunk.position();
        places[3 * count + 2] = document.length;
        chunk.put(document);
        count++;
    }

    /** The documents, in the order they were kept, back on the heap. */
    synchronized List<byte[]> toList() {
        List<byte[]> documents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] document = new byte[places[3 * i + 2]];
            chunks.get(places[3 * i]).get(places[3 * i + 1], document);
            documents.add(document);
        }
        return documents;
    }
}
