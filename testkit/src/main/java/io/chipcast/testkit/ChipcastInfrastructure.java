package io.chipcast.testkit;

import io.chipcast.devstack.ChipcastService;
import io.chipcast.devstack.postgres.DatabaseProvisioner;
import io.chipcast.devstack.postgres.PostgresEndpoint;
import io.chipcast.devstack.security.TokenIssuer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a service under test at the shared real broker and at its own database on the shared
 * PostgreSQL server. Declare it once per service module, with the service's module name:
 *
 * <pre>{@code
 * @WithTestResource(value = ChipcastInfrastructure.class, scope = TestResourceScope.GLOBAL,
 *         initArgs = @ResourceArg(name = ChipcastInfrastructure.SERVICE, value = "pricing-service"))
 * }</pre>
 */
public class ChipcastInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String SERVICE = "service";

    private ChipcastService service;

    @Override
    public void init(Map<String, String> initArgs) {
        String name = initArgs.get(SERVICE);
        service = ChipcastService.byModuleName(name)
                .orElseThrow(() -> new IllegalArgumentException("unknown chipcast service: " + name));
    }

    @Override
    public Map<String, String> start() {
        PostgresEndpoint postgres = SharedInfrastructure.postgres();
        DatabaseProvisioner.ensureDatabase(postgres, service.database());
        TokenIssuer tokens = SharedInfrastructure.tokens();
        return Map.of(
                "mp.jwt.verify.publickey", tokens.publicKeyPem(),
                "mp.jwt.verify.issuer", tokens.issuer(),
                "kafka.bootstrap.servers", SharedInfrastructure.kafkaBootstrapServers(),
                "quarkus.datasource.reactive.url", postgres.reactiveUrl(service.database()),
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(service.database()),
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password());
    }

    @Override
    public void stop() {
        // The servers outlive each app: the next test class's app uses them too. See SharedInfrastructure.
    }
}
