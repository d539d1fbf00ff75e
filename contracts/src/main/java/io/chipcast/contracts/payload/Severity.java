package io.chipcast.contracts.payload;

public enum Severity {
    INFO, WARNING, CRITICAL
}
