package io.meridian.ops.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import java.util.Arrays;

/**
 * {@code meridian report} and {@code demo --report} end to end: one short demo, its report as JSON, returns CSV and
 * HTML; several journals as trials; usage errors; and the tearsheet opened in headless Chromium (Debian's chromium
 * and chromium-driver, which {@code .ci/run} installs): no console errors, every chart present and non-empty.
 */
class ReportCommandTest
{
    private static final int EVENTS = 60_000;
    private static final String[] CHARTS = {"equity", "underwater", "heatmap", "rolling-sharpe", "distribution",
        "pnl-costs"};

    @TempDir
    static Path tmp;
    static Path journal;
    static CommandLine demo;

    @BeforeAll
    static void runDemo()
    {
        journal = tmp.resolve("journal");
        demo = CommandLine.run("demo", "--events", Integer.toString(EVENTS), "--journal", journal.toString(),
            "--no-progress", "--summary-json", tmp.resolve("summary.json").toString(), "--report",
            tmp.resolve("demo.html").toString());
    }

    @Test
    void shouldPrintHeadlineStatisticsAndWriteTheTearsheetFromTheDemo()
    {
        assertEquals(0, demo.exitCode, demo.toString());
        assertTrue(demo.out.contains("statistics (equity every "), demo.out);
        assertTrue(demo.out.contains(" sharpe "), demo.out);
        assertTrue(Files.isRegularFile(tmp.resolve("demo.html")), demo.out);
    }

    @Test
    void shouldWriteJsonWhoseNetPnlIsTheEnginesAndTheReturnSeries() throws IOException
    {
        final Path json = tmp.resolve("report.json");
        final Path csv = tmp.resolve("returns.csv");
        final Path orders = tmp.resolve("orders.csv");
        final CommandLine report = CommandLine.run("report", "--journal", journal.toString(), "--json",
            json.toString(), "--returns-csv", csv.toString(), "--out", tmp.resolve("report.html").toString(),
            "--summary-json", tmp.resolve("summary.json").toString(), "--tca-csv", orders.toString());
        assertEquals(0, report.exitCode, report.toString());
        final JsonNode tree = new ObjectMapper().readTree(json.toFile());
        final JsonNode summary = new ObjectMapper().readTree(tmp.resolve("summary.json").toFile());
        assertEquals(summary.get("pnlNet").asDouble(), tree.get("instruments").get("total").get("net_pnl").asDouble(),
            0.006, "the report's positions, marks and costs agree with the engine's");
        assertEquals(summary.get("costsTotal").asDouble(),
            tree.get("instruments").get("total").get("costs_total").asDouble(), 0.006);
        assertTrue(tree.get("equity_points").asInt() >= 250, "a short run is sampled finer: " + tree);
        assertTrue(Files.isRegularFile(journal.resolve("latency.json")), "demo writes its latency beside the journal");
        assertEquals(summary.get("latencyNs").get("tick_to_order").get("p99").asLong(),
            tree.get("latency").get("stages").get("tick_to_order").get("p99").asLong(), "report reads it back");
        final List<String> lines = Files.readAllLines(csv);
        assertEquals("time,return", lines.get(0));
        assertEquals(tree.get("equity_points").asInt(), lines.size(), "one row per return");
        final List<String> orderLines = Files.readAllLines(orders);
        assertTrue(orderLines.get(0).startsWith("order_id,instrument,side,order_type,status,decision_time,"),
            orderLines.get(0));
        assertEquals(summary.get("orders").asLong(), orderLines.size() - 1, "one row per order the engine sent");
        assertEquals(summary.get("orders").asLong(), tree.get("tca_orders_count").asLong());
        assertEquals(Math.min(20, orderLines.size() - 1), tree.get("tca_worst_orders").size());
    }

    @Test
    void shouldTreatSeveralJournalsAsTrials()
    {
        final Path second = tmp.resolve("journal-2");
        assertEquals(0, CommandLine.run("demo", "--events", "30000", "--journal", second.toString(), "--no-progress",
            "--set", "run.seed=7").exitCode);
        final CommandLine report = CommandLine.run("report", "--journal", journal.toString(), second.toString(),
            "--baseline");
        assertEquals(0, report.exitCode, report.toString());
        assertTrue(report.out.contains("trial 1: "), report.out);
        assertTrue(report.out.contains("trial 2: "), report.out);
        assertTrue(report.out.contains("(highest Sharpe of 2 trials)"), report.out);
        assertTrue(report.out.contains("baseline, a bare read of the same journal"), report.out);
        assertTrue(report.out.matches("(?s).*read [0-9,]+ records \\([0-9,]+ input events\\) in .*"), report.out);
    }

    @Test
    void shouldDeflateSeveralJournalsByTheVarianceOfTheirOwnSharpeRatios() throws IOException
    {
        final List<Path> dirs = List.of(journal, tmp.resolve("trial-11"), tmp.resolve("trial-13"));
        for (final Path dir : dirs.subList(1, dirs.size()))
        {
            assertEquals(0, CommandLine.run("demo", "--events", "30000", "--journal", dir.toString(), "--no-progress",
                "--set", "run.seed=" + dir.getFileName().toString().substring(6)).exitCode, dir.toString());
        }
        // each trial's Sharpe ratio from its own report, then their sample variance (n - 1) by hand
        final double[] sharpes = new double[dirs.size()];
        int best = 0;
        for (int j = 0; j < dirs.size(); j++)
        {
            final Path json = tmp.resolve("alone-" + j + ".json");
            assertEquals(0, CommandLine.run("report", "--journal", dirs.get(j).toString(), "--json",
                json.toString()).exitCode);
            sharpes[j] = new ObjectMapper().readTree(json.toFile()).get("instruments").get("total").get("sharpe")
                .asDouble();
            best = sharpes[j] > sharpes[best] ? j : best;
        }
        final double mean = (sharpes[0] + sharpes[1] + sharpes[2]) / 3;
        final double variance = ((sharpes[0] - mean) * (sharpes[0] - mean) + (sharpes[1] - mean) * (sharpes[1] - mean)
            + (sharpes[2] - mean) * (sharpes[2] - mean)) / 2;
        assertTrue(variance > 0, "three different seeds give different Sharpe ratios: "
            + Arrays.toString(sharpes));

        final Path together = tmp.resolve("together.json");
        final CommandLine all = CommandLine.run("report", "--journal", dirs.get(0).toString(), dirs.get(1).toString(),
            dirs.get(2).toString(), "--json", together.toString());
        assertEquals(0, all.exitCode, all.toString());
        final JsonNode tree = new ObjectMapper().readTree(together.toFile());
        assertEquals(3, tree.get("trials").asLong());
        assertEquals(variance, tree.get("trials_sharpe_variance").asDouble(), Math.abs(variance) * 1e-12,
            "the sample variance of " + Arrays.toString(sharpes));
        assertTrue(all.out.contains("report of " + dirs.get(best) + " (highest Sharpe of 3 trials)"), all.out);
        assertEquals(sharpes[best], tree.get("instruments").get("total").get("sharpe").asDouble(), 0.0);

        // the same DSR as the best journal alone with those trials given explicitly
        final Path given = tmp.resolve("given.json");
        assertEquals(0, CommandLine.run("report", "--journal", dirs.get(best).toString(), "--trials", "3",
            "--trials-sharpe-var", Double.toString(tree.get("trials_sharpe_variance").asDouble()), "--json",
            given.toString()).exitCode);
        final JsonNode dsr = tree.get("instruments").get("total").get("dsr");
        assertTrue(dsr.isNumber(), "DSR of three trials: " + tree.get("instruments").get("total"));
        assertEquals(new ObjectMapper().readTree(given.toFile()).get("instruments").get("total").get("dsr")
            .asDouble(), dsr.asDouble(), 0.0);
    }

    @Test
    void shouldDeflateWithTheGivenTrials() throws IOException
    {
        final Path json = tmp.resolve("trials.json");
        final CommandLine report = CommandLine.run("report", "--journal", journal.toString(), "--trials", "20",
            "--trials-sharpe-var", "0.5", "--json", json.toString());
        assertEquals(0, report.exitCode, report.toString());
        final JsonNode tree = new ObjectMapper().readTree(json.toFile());
        assertEquals(20, tree.get("trials").asLong());
        assertEquals(0.5, tree.get("trials_sharpe_variance").asDouble(), 0.0);
        final JsonNode total = tree.get("instruments").get("total");
        assertTrue(total.get("dsr").isNumber(), "DSR given trials: " + total);
        assertTrue(total.get("dsr").asDouble() <= total.get("psr").asDouble() || total.get("sharpe").asDouble() < 0,
            "deflating against the best of 20 trials cannot raise a positive Sharpe's probability: " + total);
    }

    @Test
    void shouldRefuseBadUsage()
    {
        final CommandLine noJournal = CommandLine.run("report");
        assertEquals(2, noJournal.exitCode);
        assertTrue(noJournal.err.contains("--journal DIR is required"), noJournal.err);
        final CommandLine half = CommandLine.run("report", "--journal", journal.toString(), "--trials", "5");
        assertEquals(2, half.exitCode);
        assertTrue(half.err.contains("--trials N and --trials-sharpe-var V go together"), half.err);
        final CommandLine badVar = CommandLine.run("report", "--journal", journal.toString(), "--trials", "5",
            "--trials-sharpe-var", "-1");
        assertEquals(2, badVar.exitCode);
        assertTrue(badVar.err.contains("--trials-sharpe-var '-1' must be a finite number >= 0"), badVar.err);
        final CommandLine notJournal = CommandLine.run("report", "--journal", tmp.resolve("absent").toString());
        assertEquals(2, notJournal.exitCode, notJournal.toString());
    }

    @Test
    @Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldOpenTheTearsheetInHeadlessChromiumWithEveryChartDrawn() throws IOException
    {
        assertEquals(0, demo.exitCode, demo.toString());
        final Path broken = tmp.resolve("broken.html");
        Files.writeString(broken, "<!DOCTYPE html><html><body><svg class=\"chart\" id=\"equity\"></svg>"
            + "<script>console.error('deliberate')</script></body></html>");
        final WebDriver driver = chromium();
        try
        {
            final List<String> problems = inspect(driver, tmp.resolve("demo.html"));
            assertTrue(problems.isEmpty(), problems.toString());
            final List<String> brokenProblems = inspect(driver, broken);
            assertTrue(brokenProblems.stream().anyMatch(p -> p.contains("console")), brokenProblems.toString());
            assertTrue(brokenProblems.stream().anyMatch(p -> p.contains("chart equity is empty")),
                brokenProblems.toString());
            assertTrue(brokenProblems.stream().anyMatch(p -> p.contains("chart heatmap is missing")),
                brokenProblems.toString());
        }
        finally
        {
            driver.quit();
        }
    }

    /** What is wrong with a page: console errors, missing or empty charts, or the demo's tables missing. */
    private static List<String> inspect(final WebDriver driver, final Path page)
    {
        final List<String> problems = problems(driver, page);
        if (problems.isEmpty())
        {
            assertFalse(driver.findElements(By.id("latency")).isEmpty(), "latency table");
            assertEquals(1, driver.findElements(By.cssSelector("#sessions tr.session")).size(),
                "the demo's half hour is one session");
            assertFalse(driver.findElements(By.id("rejects")).isEmpty(), "rejects by reason");
            assertFalse(driver.findElements(By.id("kill-switch")).isEmpty(), "kill-switch events");
        }
        return problems;
    }

    /**
     * What is wrong with a tearsheet: console errors, missing or empty charts; when nothing is, its headline, TCA,
     * worst-orders and manifest tables and its replay line are asserted present.
     *
     * @param driver the browser.
     * @param page the tearsheet.
     * @return the problems found, empty for a good page.
     */
    static List<String> problems(final WebDriver driver, final Path page)
    {
        driver.get(page.toUri().toString());
        final List<String> problems = new ArrayList<>();
        for (final LogEntry entry : driver.manage().logs().get(LogType.BROWSER))
        {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue())
            {
                problems.add("console " + entry.getLevel() + ": " + entry.getMessage());
            }
        }
        for (final String id : CHARTS)
        {
            final List<WebElement> found = driver.findElements(By.id(id));
            if (found.isEmpty())
            {
                problems.add("chart " + id + " is missing");
                continue;
            }
            final WebElement chart = found.get(0);
            final int shapes = chart.findElements(By.cssSelector("polyline, polygon, rect, line")).size();
            if (shapes == 0 || chart.getRect().getWidth() == 0 || chart.getRect().getHeight() == 0)
            {
                problems.add("chart " + id + " is empty");
            }
        }
        if (problems.isEmpty())
        {
            assertFalse(driver.findElements(By.id("headline")).isEmpty(), "headline table");
            assertFalse(driver.findElements(By.id("tca")).isEmpty(), "TCA table");
            final List<WebElement> worst = driver.findElements(By.cssSelector("#tca-worst-orders tr.order"));
            assertTrue(worst.size() > 0 && worst.size() <= 20, "the worst orders' table: " + worst.size() + " rows");
            assertFalse(driver.findElements(By.id("manifest")).isEmpty(), "manifest table");
            final String manifest = driver.findElement(By.id("manifest")).getText();
            for (final String key : List.of("config_hash", "model_sha256", "seed"))
            {
                assertTrue(manifest.contains(key), "manifest row " + key + ": " + manifest);
            }
            assertTrue(driver.findElement(By.tagName("body")).getText().contains("replay: identical"),
                "the replay-verification line");
        }
        return problems;
    }

    private static WebDriver chromium()
    {
        return chromium(tmp);
    }

    /**
     * Headless Chromium through {@code /usr/bin/chromedriver}, its profile under {@code dir}, console logs kept.
     *
     * @param dir a scratch directory.
     * @return the driver; quit it.
     */
    static WebDriver chromium(final Path dir)
    {
        final File browser = new File("/usr/bin/chromium");
        final File chromedriver = new File("/usr/bin/chromedriver");
        assertTrue(browser.canExecute() && chromedriver.canExecute(), "headless Chromium needs /usr/bin/chromium and "
            + "/usr/bin/chromedriver: apt-get install chromium chromium-driver (.ci/run does this)");
        System.setProperty("SE_OFFLINE", "true");
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(browser);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--user-data-dir=" + dir.resolve("chromium-profile-" + System.nanoTime()));
        final LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        final ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriver).usingAnyFreePort().build();
        final ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        return driver;
    }
}
