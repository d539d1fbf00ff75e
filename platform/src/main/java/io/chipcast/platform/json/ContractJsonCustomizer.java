package io.chipcast.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chipcast.contracts.json.Json;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/** Quarkus REST writes and reads JSON by the same rules as the contracts (plain decimals, RFC 3339 instants, ...). */
@Singleton
public class ContractJsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        Json.configure(mapper);
    }
}
