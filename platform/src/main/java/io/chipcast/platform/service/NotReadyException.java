package io.chipcast.platform.service;

/** The service cannot answer yet (starting, or a dependency out of reach); the REST layer answers 503 with a problem. */
public class NotReadyException extends RuntimeException {

    public NotReadyException(String detail) {
        super(detail);
    }
}
