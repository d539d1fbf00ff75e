package io.chipcast.contracts.testing;

/** The example payloads of SPEC section 3, verbatim, and a LIFT beside them: valid documents for tests to start from. */
public final class SpecExamples {

    public static final String CATALOG_ENTRY = """
            {"sku":"H100-SXM5-80G","vendor":"NVIDIA","family":"Hopper","tpp":15832,"performanceDensity":19.4,"memoryGb":80}""";

    public static final String PRICE_CHANGE = """
            {"sku":"H100-SXM5-80G","market":"LIST","currency":"USD","unitPrice":27500.00,
             "effectiveAt":"2024-01-01T00:00:00Z","source":"vendor-pricelist","note":"Q1 list"}""";

    public static final String RULING = """
            {"rulingId":"BIS-2023-10-17","authority":"US-BIS","title":"Advanced computing rule update",
             "action":"RESTRICT","effectiveAt":"2023-11-17T00:00:00Z","destinations":["CN","MO"],
             "scope":{"skus":["A800-80G","H800-80G"],"minTpp":4800,"minPerformanceDensity":null},
             "lifts":null}""";

    public static final String SHIPMENT_EVENT = """
            {"shipmentId":"SHP-1001","customerId":"acme-ai","sku":"H100-SXM5-80G","quantity":2000,
             "unitPrice":26000.00,"status":"ALLOCATED","eta":"2024-03-01","occurredAt":"2024-01-10T09:00:00Z"}""";

    public static final String DEMAND_PLAN = """
            {"customerId":"acme-ai","name":"Acme AI","country":"US","version":3,
             "lines":[{"lineId":"L1","sku":"H100-SXM5-80G","quantity":20000,"needBy":"2024-06-30",
                       "substitutes":["H20-96G"]}]}""";

    public static final String LIFT = """
            {"rulingId":"BIS-2025-01-01","authority":"US-BIS","title":"Lifts the 2023 rule",
             "action":"LIFT","effectiveAt":"2025-01-01T00:00:00Z","lifts":"BIS-2023-10-17"}""";

    private SpecExamples() {
    }
}
