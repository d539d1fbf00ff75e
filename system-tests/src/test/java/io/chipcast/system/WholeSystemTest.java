package io.chipcast.system;

import static io.chipcast.system.StackHttp.call;
import static org.assertj.core.api.Assertions.assertThat;

import io.chipcast.contracts.json.Json;
import io.chipcast.contracts.json.JsonShape;
import io.chipcast.contracts.payload.Alert;
import io.chipcast.contracts.payload.AlertType;
import io.chipcast.contracts.payload.Projection;
import io.chipcast.contracts.scenario.ScenarioFile;
import io.chipcast.devstack.ChipcastService;
import io.chipcast.devstack.FreePorts;
import io.chipcast.devstack.http.SseClient;
import io.chipcast.devstack.local.LocalStack;
import io.chipcast.devstack.local.ServiceProcess;
import io.chipcast.devstack.local.StackPorts;
import io.chipcast.devstack.local.Workspace;
import io.chipcast.devstack.scenario.ScenarioLoader;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * chipcast as its users run it, minus the terminal: the four packaged services as their own
 * processes on a real broker and PostgreSQL (what {@code ./chipcast up} starts), driven only
 * through their public HTTP APIs and the dashboard in a real headless Chromium. One stack for
 * the whole class, on free ports, so it never collides with a stack someone is running; stopping
 * it must leave no process behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WholeSystemTest {

    private static final Path REPOSITORY = Path.of(System.getProperty("chipcast.repository", "..")).toAbsolutePath().normalize();
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final StackPorts ports = StackPorts.random();
    private final List<String> progress = new ArrayList<>();
    private final List<ProcessHandle> processes = new ArrayList<>();
    private LocalStack stack;
    private String admin;

    @BeforeAll
    void start() throws InterruptedException {
        Workspace workspace = new Workspace(REPOSITORY, Path.of("target", "local-stack").toAbsolutePath());
        stack = LocalStack.start(workspace, ports, progress::add);
        stack.awaitReady(Duration.ofMinutes(3));
        admin = stack.state().adminToken();
    }

    @AfterAll
    void stopLeavingNoProcessBehind() {
        stack.close();
        assertThat(processes).isNotEmpty().noneMatch(ProcessHandle::isAlive);
    }

    @Test
    @Order(1)
    void everyServiceStartsAsItsOwnProcessAndBecomesReady() throws Exception {
        assertThat(stack.services()).extracting(ServiceProcess::service).containsExactlyInAnyOrder(ChipcastService.values());
        for (ServiceProcess service : stack.services()) {
            assertThat(service.url()).endsWith(":" + ports.of(service.service()));
            HttpResponse<String> ready = call("GET", service.url() + "/q/health/ready", null, null);
            assertThat(ready.statusCode()).as(service.service() + " ready").isEqualTo(200);
            assertThat(ready.body()).contains("\"SmallRye Reactive Messaging - readiness check\"", "\"UP\"");
            assertThat(Files.readString(service.log())).as(service.service() + " log").contains("started in");
            processes.add(ProcessHandle.of(service.pid()).orElseThrow());
        }
        assertThat(progress).anySatisfy(step -> assertThat(step).contains("topics ready"));
    }

    @Test
    @Order(2)
    void theSeedStoryReplayedThroughThePublicApisEndsWithTheExpectedProjectionsToTheCent() throws Exception {
        ScenarioFile story = ScenarioFile.parse(Files.readAllBytes(REPOSITORY.resolve("scenarios/seed-story.json")));
        ScenarioLoader.Result result = new ScenarioLoader(url(ChipcastService.PRICING), url(ChipcastService.SUPPLY),
                url(ChipcastService.GATEWAY), admin).load(story, WAIT, progress::add);

        JsonNode expected = Json.parseTree(Files.readAllBytes(REPOSITORY.resolve("scenarios/seed-story.expected.json")));
        assertThat(result.projections()).containsOnlyKeys("hyperscaler-us", "frontier-lab-us", "cloud-cn");
        for (Map.Entry<String, Projection> entry : result.projections().entrySet()) {
            JsonNode want = expected.get(entry.getKey());
            JsonNode got = Json.parseTree(Json.write(entry.getValue()));
            assertThat(JsonShape.view(got, want)).as(entry.getKey()).isEqualTo(JsonShape.view(want, want));
        }
        assertThat(result.alerts()).extracting(Alert::type).contains(AlertType.LINE_BLOCKED, AlertType.SHORTFALL);

        // What-if through the gateway: the 12,000 late units at a hypothetical spot price; nothing changes for real.
        String whatIf = """
                {"priceChanges":[{"sku":"H100-SXM5-80G","market":"SPOT","currency":"USD","unitPrice":50000,
                  "effectiveAt":"2024-02-01T00:00:00Z","source":"what-if"}]}""";
        HttpResponse<String> hypothetical = call("POST", gateway("/api/v1/customers/frontier-lab-us/what-if"), admin, whatIf);
        assertThat(hypothetical.statusCode()).as(hypothetical.body()).isEqualTo(200);
        assertThat(Json.parseTree(hypothetical.body().getBytes(StandardCharsets.UTF_8)).path("projectedCost").decimalValue())
                .isEqualByComparingTo("808000000");
        HttpResponse<String> unchanged = call("GET", gateway("/api/v1/customers/frontier-lab-us/projection"), admin, null);
        assertThat(Json.read(unchanged.body(), Projection.class).projectedCost()).isEqualByComparingTo("688000000");
    }

    @Test
    @Order(3)
    void aPlanPutThroughTheGatewayIsProjectedAndAnAlertStreamCarriesTheAlertOfALaterPriceChange() throws Exception {
        String customer = newCustomerWithPlan("e2e");

        HttpResponse<String> projected = call("GET", gateway("/api/v1/customers/" + customer + "/projection?minPlanVersion=1&wait=30"),
                admin, null);
        assertThat(projected.statusCode()).as(projected.body()).isEqualTo(200);
        Projection before = Json.read(projected.body(), Projection.class);
        assertThat(before.planVersion()).isEqualTo(1L);
        assertThat(before.projectedCost()).isEqualByComparingTo("30000000.00");

        try (SseClient stream = SseClient.connect(URI.create(gateway("/api/v1/customers/" + customer + "/alerts")), admin, null)) {
            assertThat(Json.read(stream.next(WAIT).data(), Projection.class).version()).isEqualTo(before.version());
            postPrice("LIST", "2031-01-01T00:00:00Z", "33000");
            List<SseClient.Event> events = stream.next(2, WAIT);
            assertThat(events).extracting(SseClient.Event::name).containsExactly("projection", "alert");
            assertThat(Json.read(events.get(0).data(), Projection.class).projectedCost()).isEqualByComparingTo("33000000.00");
            Alert alert = Json.read(events.get(1).data(), Alert.class);
            assertThat(alert.type()).isEqualTo(AlertType.COST_CHANGED);
            assertThat(alert.newCost()).isEqualByComparingTo("33000000.00");
        }
    }

    @Test
    @Order(4)
    void theDashboardShowsTheSeededProjectionAndAnAlertAppearsLiveWhenAPriceChanges() throws Exception {
        WebDriver browser = chromium();
        try {
            browser.get(gateway("/"));
            browser.findElement(By.id("token")).sendKeys(admin);
            browser.findElement(By.id("customer")).sendKeys("frontier-lab-us");
            browser.findElement(By.id("show")).click();
            WebDriverWait wait = new WebDriverWait(browser, WAIT);
            wait.until(ExpectedConditions.textToBe(By.id("projected-cost"), "$688,000,000.00"));
            assertThat(browser.findElement(By.id("lines")).getText()).contains("F1", "H100-SXM5-80G", "DELAYED");
            assertThat(browser.findElements(By.cssSelector("#chart circle"))).isNotEmpty();
            // The chart is drawn again with every projection the stream brings: its texts are read in one go.
            assertThat(texts(browser, "#chart text.tick-y")).as("the cost axis, labelled in dollars")
                    .hasSize(4).allSatisfy(tick -> assertThat(tick).startsWith("$"));
            assertThat(texts(browser, "#chart text.tick-x")).as("the time axis").isNotEmpty()
                    .allSatisfy(tick -> assertThat(tick).containsPattern("\\d{1,2}:\\d{2}"));
            assertThat(texts(browser, "#chart text.axis-title"))
                    .containsExactlyInAnyOrder("projected cost (USD)", "time (when each version was computed)");
            wait.until(ExpectedConditions.textToBe(By.id("stream-state"), "live"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alerts li.earlier")));
            assertThat(browser.findElements(By.cssSelector("#alerts li.new"))).as("no alert raised since the page opened").isEmpty();
            String pageId = (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "return window.__page = window.__page || Math.random().toString()");

            // The 12,000 late units are bought on the spot market: dearer spot, dearer projection.
            postPrice("SPOT", "2024-02-01T00:00:00Z", "45000");

            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alerts li.new[data-type='COST_CHANGED']")));
            wait.until(ExpectedConditions.textToBe(By.id("projected-cost"), "$748,000,000.00"));
            assertThat(((org.openqa.selenium.JavascriptExecutor) browser).executeScript("return window.__page"))
                    .as("the same page, not reloaded").isEqualTo(pageId);

            // What if the late units' spot price were 50,000: 12,000 units × 5,000 more, nothing stored.
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("wi-sku"))).selectByValue("H100-SXM5-80G");
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("wi-market"))).selectByValue("SPOT");
            browser.findElement(By.id("wi-price")).sendKeys("50000");
            browser.findElement(By.id("wi-effective")).clear();
            browser.findElement(By.id("wi-effective")).sendKeys("2024-02-01T00:00:00Z");
            browser.findElement(By.id("wi-run")).click();
            wait.until(ExpectedConditions.textToBe(By.id("wi-cost"), "$808,000,000.00"));
            assertThat(browser.findElement(By.id("wi-delta")).getText()).isEqualTo("+$60,000,000.00 against now");
            assertThat(texts(browser, "#wi-lines tr[data-line='F1'] td")).as("the late line, dearer by the difference")
                    .containsSubsequence("DELAYED", "DELAYED").contains("+$60,000,000.00");
            assertThat(browser.findElement(By.id("projected-cost")).getText()).as("nothing changed for real").isEqualTo("$748,000,000.00");
            Files.write(Path.of("target", "dashboard.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

            // The portfolio page: the API's totals, charts, and a link to each customer ranked.
            browser.findElement(By.id("portfolio-button")).click();
            JsonNode portfolio = Json.parseTree(call("GET", gateway("/api/v1/portfolio"), admin, null).body().getBytes(StandardCharsets.UTF_8));
            wait.until(ExpectedConditions.textToBe(By.id("pf-cost"), dollars(portfolio.path("projectedCost").decimalValue())));
            assertThat(browser.findElement(By.id("pf-blocked")).getText()).isEqualTo(dollars(portfolio.path("blockedValue").decimalValue()));
            assertThat(browser.findElement(By.id("pf-customers")).getText()).isEqualTo(String.format("%,d", portfolio.path("customers").asLong()));
            assertThat(browser.findElements(By.cssSelector("#pf-sku-chart rect.bar"))).as("a bar per SKU with a cost").isNotEmpty();
            assertThat(browser.findElements(By.cssSelector("#pf-country-chart rect.bar"))).as("cloud-cn's blocked line").isNotEmpty();
            assertThat(browser.findElement(By.id("view")).isDisplayed()).as("the customer's page, put away").isFalse();
            Files.write(Path.of("target", "portfolio.png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            // The page reads the portfolio again every few seconds: the link is found and followed in one go.
            String customer = (String) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                    "const link = document.querySelector('#pf-at-risk a.customer'); link.click(); return link.textContent");
            assertThat(customer).isEqualTo(portfolio.path("atRisk").get(0).path("customerId").asText());
            wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("portfolio")));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("view")));
            wait.until(ExpectedConditions.textToBe(By.id("status"), "Customer " + customer));
        } finally {
            browser.quit();
        }
    }

    @Test
    @Order(5)
    void twoGatewayInstancesEachServeTheirOwnSubscribersAndAClientMayResumeOnEither() throws Exception {
        String customer = newCustomerWithPlan("gw");
        awaitProjected(customer);
        ServiceProcess second = stack.startAnother(ChipcastService.GATEWAY, FreePorts.pick(), Duration.ofMinutes(2));
        processes.add(ProcessHandle.of(second.pid()).orElseThrow());
        String path = "/api/v1/customers/" + customer + "/alerts";

        try (SseClient first = SseClient.connect(URI.create(gateway(path)), admin, null);
                SseClient other = SseClient.connect(URI.create(second.url() + path), admin, null)) {
            first.next(WAIT);
            other.next(WAIT);
            postPrice("LIST", "2031-01-01T00:00:00Z", String.valueOf(40000 + (int) (Math.random() * 1000)));
            List<SseClient.Event> onFirst = first.next(2, WAIT);
            List<SseClient.Event> onOther = other.next(2, WAIT);
            assertThat(onFirst).extracting(SseClient.Event::name).containsExactlyInAnyOrder("projection", "alert");
            assertThat(onOther).extracting(SseClient.Event::data).as("the same events, once each")
                    .containsExactlyInAnyOrderElementsOf(onFirst.stream().map(SseClient.Event::data).toList());
            assertThat(first.poll(Duration.ofSeconds(1))).isNull();
            assertThat(other.poll(Duration.ZERO)).isNull();

            // A client of the first instance that lost its connection after one event resumes on the second.
            try (SseClient resumed = SseClient.connect(URI.create(second.url() + path), admin, onFirst.get(0).id())) {
                assertThat(resumed.next(WAIT).data()).isEqualTo(onFirst.get(1).data());
                assertThat(resumed.poll(Duration.ofSeconds(1))).isNull();
            }
        }
    }

    @Test
    @Order(6)
    void twoForecastInstancesShareTheCustomersByPartitionAndProjectEachOnce() throws Exception {
        ServiceProcess second = stack.startAnother(ChipcastService.FORECAST, FreePorts.pick(), Duration.ofMinutes(2));
        processes.add(ProcessHandle.of(second.pid()).orElseThrow());
        ServiceProcess first = stack.services().stream().filter(s -> s.service() == ChipcastService.FORECAST).findFirst().orElseThrow();
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<Integer> a = List.of();
        List<Integer> b = List.of();
        while (System.nanoTime() < deadline) {
            a = StackHttp.ownedPartitions(first);
            b = StackHttp.ownedPartitions(second);
            if (!a.isEmpty() && !b.isEmpty() && a.size() + b.size() == 6) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(a).as("each instance owns partitions").isNotEmpty().doesNotContainAnyElementsOf(b);
        assertThat(b).isNotEmpty();
        List<Integer> union = new ArrayList<>(a);
        union.addAll(b);
        assertThat(union).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);

        List<String> customers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            customers.add(newCustomerWithPlan("scale"));
        }
        for (String customer : customers) {
            HttpResponse<String> history = call("GET", gateway("/api/v1/customers/" + customer + "/projection/history?minPlanVersion=1&wait=30"),
                    admin, null);
            assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
            assertThat(Json.parseTree(history.body().getBytes(StandardCharsets.UTF_8))).as(customer + " projected once").hasSize(1);
        }
    }

    private void awaitProjected(String customer) throws Exception {
        HttpResponse<String> projected = call("GET", gateway("/api/v1/customers/" + customer + "/projection?minPlanVersion=1&wait=30"),
                admin, null);
        assertThat(projected.statusCode()).as(projected.body()).isEqualTo(200);
    }

    /** A new customer with one H100 line needed in 2031, its plan written through the gateway. */
    private String newCustomerWithPlan(String prefix) throws Exception {
        String customer = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        String plan = """
                {"name":"%s","country":"US",
                 "lines":[{"lineId":"E1","sku":"H100-SXM5-80G","quantity":1000,"needBy":"2031-06-30"}]}""".formatted(customer);
        assertThat(call("PUT", gateway("/api/v1/customers/" + customer + "/demand-plan"), admin, plan).statusCode()).isEqualTo(201);
        return customer;
    }

    private void postPrice(String market, String effectiveAt, String unitPrice) throws Exception {
        String price = "{\"sku\":\"H100-SXM5-80G\",\"market\":\"" + market + "\",\"currency\":\"USD\",\"unitPrice\":" + unitPrice
                + ",\"effectiveAt\":\"" + effectiveAt + "\",\"source\":\"whole-system-test\"}";
        HttpResponse<String> posted = call("POST", url(ChipcastService.PRICING) + "/api/v1/prices", admin, price);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    }

    private static WebDriver chromium() throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createTempDirectory("chipcast-chromium"));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        return new ChromeDriver(driver, options);
    }

    private String gateway(String path) {
        return url(ChipcastService.GATEWAY) + path;
    }

    private URI url(ChipcastService service) {
        return stack.services().stream().filter(s -> s.service() == service).map(s -> URI.create(s.url())).findFirst().orElseThrow();
    }

    /** The text of every element the selector finds, read at one instant. */
    @SuppressWarnings("unchecked")
    private static List<String> texts(WebDriver browser, String selector) {
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)", selector);
    }

    /** An amount as the dashboard writes it: $1,234.50. */
    private static String dollars(java.math.BigDecimal amount) {
        return java.text.NumberFormat.getCurrencyInstance(java.util.Locale.US).format(amount);
    }
}
