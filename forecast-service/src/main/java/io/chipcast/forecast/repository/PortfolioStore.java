package io.chipcast.forecast.repository;

import io.chipcast.contracts.api.Portfolio;
import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.payload.DemandPlan;
import io.chipcast.contracts.payload.LineStatus;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.forecast.portfolio.CellFigures;
import io.chipcast.forecast.portfolio.CellKey;
import io.chipcast.forecast.portfolio.PortfolioSummary;
import io.chipcast.forecast.portfolio.PortfolioTally;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The portfolio's tables (ADR 015): the difference a batch makes, written in its transaction, and
 * the figures read back — summed from those tables for every customer, or from the projections
 * themselves for a few.
 */
@ApplicationScoped
public class PortfolioStore {

    private final Pool pool;

    @Inject
    public PortfolioStore(Pool pool) {
        this.pool = pool;
    }

    /** Which customers (null: all), the start of the cost changes' window (null: no such ranking) and how many customers each ranking lists. */
    public record PortfolioQuery(Set<String> customers, Instant since, int top) {
    }

    /** The statements that add a batch's difference to the portfolio, on the batch's connection; none when it moved nothing. */
    List<Uni<Void>> write(SqlConnection connection, PortfolioTally difference) {
        if (difference.isEmpty()) {
            return List.of();
        }
        List<Uni<Void>> statements = new ArrayList<>();
        // Rows come sorted by partition and key: two commits at once lock them in the same order.
        statements.addAll(SqlStatements.inChunks(connection, difference.cellRows(), "INSERT INTO portfolio_cell AS c "
                        + "(partition, sku, country, status, lines, quantity, secured_qty, bought_units, line_cost, blocked_qty, at_risk_value) "
                        + "SELECT * FROM unnest($1::int[], $2::varchar[], $3::varchar[], $4::varchar[], $5::bigint[], $6::bigint[], $7::bigint[], "
                        + "$8::bigint[], $9::text[]::numeric[], $10::bigint[], $11::text[]::numeric[]) "
                        + "ON CONFLICT (partition, sku, country, status) DO UPDATE SET lines = c.lines + EXCLUDED.lines, "
                        + "quantity = c.quantity + EXCLUDED.quantity, secured_qty = c.secured_qty + EXCLUDED.secured_qty, "
                        + "bought_units = c.bought_units + EXCLUDED.bought_units, line_cost = c.line_cost + EXCLUDED.line_cost, "
                        + "blocked_qty = c.blocked_qty + EXCLUDED.blocked_qty, at_risk_value = c.at_risk_value + EXCLUDED.at_risk_value",
                rows -> Tuple.from(List.of(rows.stream().map(PortfolioTally.CellRow::partition).toArray(Integer[]::new),
                        SqlStatements.column(rows, row -> row.key().sku()), SqlStatements.column(rows, row -> row.key().country()),
                        SqlStatements.column(rows, row -> row.key().status().name()),
                        rows.stream().map(row -> row.figures().lines()).toArray(Long[]::new),
                        rows.stream().map(row -> row.figures().quantity()).toArray(Long[]::new),
                        rows.stream().map(row -> row.figures().securedQty()).toArray(Long[]::new),
                        rows.stream().map(row -> row.figures().boughtUnits()).toArray(Long[]::new),
                        SqlStatements.column(rows, row -> row.figures().lineCost().toPlainString()),
                        rows.stream().map(row -> row.figures().blockedQty()).toArray(Long[]::new),
                        SqlStatements.column(rows, row -> row.figures().atRiskValue().toPlainString())))));
        statements.addAll(SqlStatements.inChunks(connection, difference.customerRows(), "INSERT INTO portfolio_customers AS c "
                        + "(partition, country, customers) SELECT * FROM unnest($1::int[], $2::varchar[], $3::bigint[]) "
                        + "ON CONFLICT (partition, country) DO UPDATE SET customers = c.customers + EXCLUDED.customers",
                rows -> Tuple.of(rows.stream().map(PortfolioTally.CustomerRow::partition).toArray(Integer[]::new),
                        SqlStatements.column(rows, PortfolioTally.CustomerRow::country),
                        rows.stream().map(PortfolioTally.CustomerRow::customers).toArray(Long[]::new))));
        List<Map.Entry<Integer, Instant>> latest = new ArrayList<>(new TreeMap<>(difference.latestComputedAt()).entrySet());
        statements.addAll(SqlStatements.inChunks(connection, latest, "INSERT INTO portfolio_partition AS p (partition, latest_computed_at) "
                        + "SELECT * FROM unnest($1::int[], $2::timestamptz[]) "
                        + "ON CONFLICT (partition) DO UPDATE SET latest_computed_at = GREATEST(p.latest_computed_at, EXCLUDED.latest_computed_at)",
                rows -> Tuple.of(rows.stream().map(Map.Entry::getKey).toArray(Integer[]::new),
                        SqlStatements.utc(rows, Map.Entry::getValue))));
        return statements;
    }

    /** The portfolio as committed, every figure from one snapshot of the database. */
    public Uni<Portfolio> portfolio(PortfolioQuery query) {
        return pool.withTransaction(connection -> connection.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY").execute()
                .chain(() -> {
                    Uni<Totals> totals = query.customers() == null ? allCustomers(connection) : someCustomers(connection, query.customers());
                    Uni<List<Portfolio.AtRiskCustomer>> atRisk = atRisk(connection, query);
                    Uni<List<Portfolio.CostChange>> costChanges = query.since() == null ? Uni.createFrom().item(List.of())
                            : costChanges(connection, query);
                    Uni<List<Portfolio.Position>> positions = connection.query(
                                    "SELECT topic, partition, next_offset FROM consumer_position ORDER BY topic, partition").execute()
                            .map(rows -> map(rows, row -> new Portfolio.Position(row.getString("topic"), row.getInteger("partition"),
                                    row.getLong("next_offset"))));
                    return Uni.combine().all().unis(totals, atRisk, costChanges, positions).asTuple()
                            .map(read -> PortfolioSummary.of(read.getItem1().cells(), read.getItem1().customers(), read.getItem2(),
                                    query.since() == null ? null : new Portfolio.CostChanges(query.since(), read.getItem3()),
                                    new Portfolio.Reflects(read.getItem4(), read.getItem1().latestComputedAt())));
                }));
    }

    private record Totals(Map<CellKey, CellFigures> cells, Map<String, Long> customers, Instant latestComputedAt) {
    }

    /** Summed from the portfolio's tables: a few hundred rows, however many customers. */
    private Uni<Totals> allCustomers(SqlConnection connection) {
        Uni<Map<CellKey, CellFigures>> cells = connection.query("SELECT sku, country, status, SUM(lines) AS lines, SUM(quantity) AS quantity, "
                        + "SUM(secured_qty) AS secured_qty, SUM(bought_units) AS bought_units, SUM(line_cost) AS line_cost, "
                        + "SUM(blocked_qty) AS blocked_qty, SUM(at_risk_value) AS at_risk_value FROM portfolio_cell GROUP BY sku, country, status")
                .execute().map(rows -> {
                    Map<CellKey, CellFigures> byKey = new TreeMap<>();
                    rows.forEach(row -> byKey.put(new CellKey(row.getString("sku"), row.getString("country"),
                            LineStatus.valueOf(row.getString("status"))), new CellFigures(row.getLong("lines"), row.getLong("quantity"),
                            row.getLong("secured_qty"), row.getLong("bought_units"), row.getBigDecimal("line_cost"), row.getLong("blocked_qty"),
                            row.getBigDecimal("at_risk_value"))));
                    return byKey;
                });
        Uni<Map<String, Long>> customers = connection.query("SELECT country, SUM(customers) AS customers FROM portfolio_customers GROUP BY country")
                .execute().map(rows -> {
                    Map<String, Long> byCountry = new HashMap<>();
                    rows.forEach(row -> byCountry.put(row.getString("country"), row.getLong("customers")));
                    return byCountry;
                });
        Uni<Instant> latest = connection.query("SELECT MAX(latest_computed_at) AS latest FROM portfolio_partition").execute()
                .map(rows -> instant(rows.iterator().next().getOffsetDateTime("latest")));
        return Uni.combine().all().unis(cells, customers, latest).asTuple()
                .map(read -> new Totals(read.getItem1(), read.getItem2(), read.getItem3()));
    }

    /** Summed from these customers' projections: for a viewer, or an analyst who names a few. */
    private Uni<Totals> someCustomers(SqlConnection connection, Set<String> customers) {
        return connection.preparedQuery("SELECT p.partition, h.payload, d.payload AS plan FROM projection p "
                        + "JOIN projection_history h ON h.customer_id = p.customer_id AND h.version = p.version "
                        + "LEFT JOIN demand_plan d ON d.customer_id = p.customer_id WHERE p.customer_id = ANY($1)")
                .execute(Tuple.of(customers.toArray(String[]::new)))
                .map(rows -> {
                    PortfolioTally tally = new PortfolioTally();
                    rows.forEach(row -> tally.add(row.getInteger("partition"), Json.read(row.getString("payload"), Projection.class),
                            row.getString("plan") == null ? null : Json.read(row.getString("plan"), DemandPlan.class).country()));
                    Instant latest = tally.latestComputedAt().values().stream().max(Instant::compareTo).orElse(null);
                    return new Totals(tally.cellsInAll(), tally.customersInAll(), latest);
                });
    }

    private Uni<List<Portfolio.AtRiskCustomer>> atRisk(SqlConnection connection, PortfolioQuery query) {
        return connection.preparedQuery("SELECT customer_id, blocked_value, projected_cost FROM projection WHERE blocked_value > 0 "
                        + "AND ($1::varchar[] IS NULL OR customer_id = ANY($1)) ORDER BY blocked_value DESC, customer_id LIMIT $2")
                .execute(Tuple.from(Arrays.asList(customersOrNull(query), query.top())))
                .map(rows -> map(rows, row -> new Portfolio.AtRiskCustomer(row.getString("customer_id"), row.getBigDecimal("blocked_value"),
                        row.getBigDecimal("projected_cost"))));
    }

    /**
     * The customers whose cost moved most since the window's start: each one projected since then,
     * against its last version from before (none: it was new, and moved by its whole cost).
     */
    private Uni<List<Portfolio.CostChange>> costChanges(SqlConnection connection, PortfolioQuery query) {
        return connection.preparedQuery("SELECT p.customer_id, p.projected_cost, b.projected_cost AS previous_cost FROM projection p "
                        + "LEFT JOIN LATERAL (SELECT h.projected_cost FROM projection_history h WHERE h.customer_id = p.customer_id "
                        + "AND h.computed_at < $1 ORDER BY h.version DESC LIMIT 1) b ON true "
                        + "WHERE p.computed_at >= $1 AND ($2::varchar[] IS NULL OR p.customer_id = ANY($2)) "
                        + "AND p.projected_cost IS DISTINCT FROM b.projected_cost "
                        + "ORDER BY abs(p.projected_cost - COALESCE(b.projected_cost, 0)) DESC, p.customer_id LIMIT $3")
                .execute(Tuple.from(Arrays.asList(query.since().atOffset(ZoneOffset.UTC), customersOrNull(query), query.top())))
                .map(rows -> map(rows, row -> {
                    BigDecimal now = row.getBigDecimal("projected_cost");
                    BigDecimal before = row.getBigDecimal("previous_cost");
                    return new Portfolio.CostChange(row.getString("customer_id"), before, now, before == null ? now : now.subtract(before));
                }));
    }

    private static String[] customersOrNull(PortfolioQuery query) {
        return query.customers() == null ? null : query.customers().toArray(String[]::new);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static <T> List<T> map(RowSet<Row> rows, Function<Row, T> item) {
        List<T> items = new ArrayList<>(rows.size());
        rows.forEach(row -> items.add(item.apply(row)));
        return items;
    }
}
