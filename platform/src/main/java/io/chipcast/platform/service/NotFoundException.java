package io.chipcast.platform.service;

/** What a service was asked for does not exist; the REST layer answers 404 with a problem. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
